import type { StaffUser } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { PageLayout } from "@trace/ui/page-layout";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useLogout } from "../features/auth/use-logout";
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
            <li>
              <Link href="/tips" aria-current={isInbox ? "page" : undefined}>
                {t.nav.inbox}
              </Link>
            </li>
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

function Account({ user }: { user: StaffUser }) {
  const logout = useLogout();
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
      {logout.isError && (
        <p role="alert" className="iw-account__error">
          {t.account.logoutFailed}
        </p>
      )}
    </div>
  );
}
