import { can, type Permission, type StaffUser } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { PageLayout } from "@trace/ui/page-layout";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useLogout, useLogoutEverywhere } from "../features/auth/use-logout";
import { homePathFor } from "../features/agency-portal/home-path";
import { t } from "../i18n";

export function AppLayout({ user, children }: { user: StaffUser; children: ReactNode }) {
  const [path] = useLocation();
  return (
    <PageLayout
      brand={<Link href={homePathFor(user.role)}>{t.app.name}</Link>}
      nav={
        <nav aria-label={t.app.mainNav}>
          <ul>
            {SECTIONS.filter((section) => can(user.role, section.permission)).map((section) => (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={isSection(path, section.href) ? "page" : undefined}
                >
                  {section.label}
                </Link>
              </li>
            ))}
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

/** The sections of the site, each shown only to the roles that may open it. */
const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/tips", label: t.nav.inbox, permission: "tip.read" },
  { href: "/objects", label: t.nav.objects, permission: "object.read" },
  { href: "/cases", label: t.nav.cases, permission: "case.read" },
  { href: "/routing", label: t.routing.nav, permission: "routing.read" },
  { href: "/audit", label: t.triage.audit.nav, permission: "audit.read" },
  { href: "/staff-accounts", label: t.nav.staffAccounts, permission: "staff.manage" },
  { href: "/referrals", label: t.referrals.nav.referrals, permission: "referral.send" },
  { href: "/portal", label: t.referrals.nav.portal, permission: "referral.respond" },
  { href: "/agencies", label: t.referrals.nav.agencies, permission: "agency.manage" },
  { href: "/deliveries", label: t.referrals.nav.deliveries, permission: "delivery.manage" },
];

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
