import { can, type Permission, type StaffUser } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { PageLayout } from "@trace/ui/page-layout";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useLogout, useLogoutEverywhere } from "../features/auth/use-logout";
import { homePathFor } from "../features/agency-portal/home-path";
import { useMessages, type Messages } from "../i18n";

export function AppLayout({ user, children }: { user: StaffUser; children: ReactNode }) {
  const m = useMessages();
  const [path] = useLocation();
  return (
    <PageLayout
      brand={<Link href={homePathFor(user.role)}>{m.app.name()}</Link>}
      nav={
        <nav aria-label={m.app.mainNav()}>
          <ul>
            {SECTIONS.filter((section) => can(user.role, section.permission)).map((section) => (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={isSection(path, section.href) ? "page" : undefined}
                >
                  {section.label(m)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      }
      utilities={<Account user={user} />}
      skipLinkLabel={m.app.skipLink()}
    >
      {children}
    </PageLayout>
  );
}

/** The sections of the site, each shown only to the roles that may open it. */
const SECTIONS: { href: string; label: (m: Messages) => string; permission: Permission }[] = [
  { href: "/tips", label: (m) => m.nav.inbox(), permission: "tip.read" },
  { href: "/objects", label: (m) => m.nav.objects(), permission: "object.read" },
  { href: "/cases", label: (m) => m.nav.cases(), permission: "case.read" },
  { href: "/routing", label: (m) => m.routing.nav(), permission: "routing.read" },
  { href: "/audit", label: (m) => m.triage.audit.nav(), permission: "audit.read" },
  { href: "/staff-accounts", label: (m) => m.nav.staffAccounts(), permission: "staff.manage" },
  { href: "/referrals", label: (m) => m.referrals.nav.referrals(), permission: "referral.send" },
  { href: "/portal", label: (m) => m.referrals.nav.portal(), permission: "referral.respond" },
  { href: "/agencies", label: (m) => m.referrals.nav.agencies(), permission: "agency.manage" },
  {
    href: "/deliveries",
    label: (m) => m.referrals.nav.deliveries(),
    permission: "delivery.manage",
  },
];

const isSection = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

function Account({ user }: { user: StaffUser }) {
  const m = useMessages();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  return (
    <div className="iw-account">
      <p className="iw-account__user">
        <VisuallyHidden>{m.account.signedInAs()} </VisuallyHidden>
        <span className="iw-account__name">{user.displayName}</span>{" "}
        <span className="iw-account__role">
          {m.account.role({ role: m.labels.role[user.role]() })}
        </span>
      </p>
      <Button
        variant="secondary"
        size="small"
        isLoading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {m.account.logOut()}
      </Button>
      <Button
        variant="secondary"
        size="small"
        isLoading={logoutEverywhere.isPending}
        onClick={() => logoutEverywhere.mutate()}
      >
        {m.account.logOutEverywhere()}
      </Button>
      {(logout.isError || logoutEverywhere.isError) && (
        <p role="alert" className="iw-account__error">
          {m.account.logoutFailed()}
        </p>
      )}
    </div>
  );
}
