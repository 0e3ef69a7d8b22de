import { can, type StaffUser } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { PageLayout } from "@trace/ui/page-layout";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useLogout, useLogoutEverywhere } from "../features/auth/use-logout";
import { t } from "../i18n";

export function AppLayout({ user, children }: { user: StaffUser; children: ReactNode }) {
  const [path] = useLocation();
  const isInbox = path === "/tips" || path.startsWith("/tips/");
  return (
    <PageLayout
      brand={<Link href="/tips">{t.app.name}</Link>}
      nav={
        <nav aria-label={t.app.mainNav}>
          <ul>
            {can(user.role, "tip.read") && (
              <li>
                <Link href="/tips" aria-current={isInbox ? "page" : undefined}>
                  {t.nav.inbox}
                </Link>
              </li>
            )}
            {can(user.role, "object.read") && (
              <li>
                <Link
                  href="/objects"
                  aria-current={isSection(path, "/objects") ? "page" : undefined}
                >
                  {t.nav.objects}
                </Link>
              </li>
            )}
            {can(user.role, "case.read") && (
              <li>
                <Link href="/cases" aria-current={isSection(path, "/cases") ? "page" : undefined}>
                  {t.nav.cases}
                </Link>
              </li>
            )}
            {can(user.role, "audit.read") && (
              <li>
                <Link href="/audit" aria-current={isSection(path, "/audit") ? "page" : undefined}>
                  {t.triage.audit.nav}
                </Link>
              </li>
            )}
            {can(user.role, "staff.manage") && (
              <li>
                <Link
                  href="/staff-accounts"
                  aria-current={isSection(path, "/staff-accounts") ? "page" : undefined}
                >
                  {t.nav.staffAccounts}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      }
      utilities={<Account user={user} />}
      skipLinkLabel={t.app.skipLink}
    >
      {children}
    </PageLayout>
  );
}

const isSection = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

function Account({ user }: { user: StaffUser }) {
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  return (
    <div className="iw-account">
      <p className="iw-account__user">
        <VisuallyHidden>{t.account.signedInAs} </VisuallyHidden>
        <span className="iw-account__name">{user.displayName}</span>{" "}
        <span className="iw-account__role">{t.account.role(t.labels.role[user.role])}</span>
      </p>
      <Button
        variant="secondary"
        size="small"
        isLoading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {t.account.logOut}
      </Button>
      <Button
        variant="secondary"
        size="small"
        isLoading={logoutEverywhere.isPending}
        onClick={() => logoutEverywhere.mutate()}
      >
        {t.account.logOutEverywhere}
      </Button>
      {(logout.isError || logoutEverywhere.isError) && (
        <p role="alert" className="iw-account__error">
          {t.account.logoutFailed}
        </p>
      )}
    </div>
  );
}
