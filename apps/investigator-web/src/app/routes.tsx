import type { StaffUser } from "@trace/domain";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { LoginPage } from "../features/auth/login-page";
import { HOME_PATH, loginHref, safeNextPath } from "../features/auth/next-path";
import { InboxPage } from "../features/inbox/inbox-page";
import { AuditPage } from "../features/audit/audit-page";
import { TipDetailPage } from "../features/tip-detail/tip-detail-page";
import { CaseDetailPage } from "../features/cases/case-detail-page";
import { CasesPage } from "../features/cases/cases-page";
import { SeriesPage } from "../features/cases/series-page";
import { NewObjectPage } from "../features/objects/new-object-page";
import { ObjectDetailPage } from "../features/objects/object-detail-page";
import { ObjectsPage } from "../features/objects/objects-page";
import { StaffAccountsPage } from "../features/staff-accounts/staff-accounts-page";
import { AgenciesPage } from "../features/agencies/agencies-page";
import { homePathFor } from "../features/agency-portal/home-path";
import { PortalPage } from "../features/agency-portal/portal-page";
import { PortalReferralPage } from "../features/agency-portal/portal-referral-page";
import { DeliveriesPage } from "../features/deliveries/deliveries-page";
import { ReferralDetailPage } from "../features/referrals/referral-detail-page";
import { ReferralsPage } from "../features/referrals/referrals-page";
import { RoutingPage } from "../features/routing/routing-page";
import { RulePage } from "../features/routing/rule-page";
import { AppLayout } from "./app-layout";
import { NotFoundPage } from "./not-found-page";

export function SignedOutRoutes() {
  return (
    <Switch>
      <Route path="/login">
        <LoginPage />
      </Route>
      <Route>
        <RedirectToLogin />
      </Route>
    </Switch>
  );
}

/** Any page asked for without a session: log in first, then come back to it. */
function RedirectToLogin() {
  const [path] = useLocation();
  const search = useSearch();
  return <Redirect to={loginHref(search ? `${path}?${search}` : path)} replace />;
}

/**
 * A signed-in user never sees the login page: right after logging in (when `auth.me` turns
 * into a user) it gives way to the page first asked for, or the landing page of their role.
 */
function RedirectAfterLogin({ home }: { home: string }) {
  const next = safeNextPath(new URLSearchParams(useSearch()).get("next"));
  // No (usable) page asked for: the landing page of the user's role.
  return <Redirect to={next === HOME_PATH ? home : next} replace />;
}

export function SignedInRoutes({ user }: { user: StaffUser }) {
  return (
    <AppLayout user={user}>
      <Switch>
        <Route path="/login">
          <RedirectAfterLogin home={homePathFor(user.role)} />
        </Route>
        <Route path="/">
          <Redirect to={homePathFor(user.role)} replace />
        </Route>
        <Route path="/staff-accounts">
          <StaffAccountsPage user={user} />
        </Route>
        <Route path="/audit">
          <AuditPage user={user} />
        </Route>
        <Route path="/tips">
          <InboxPage user={user} />
        </Route>
        <Route path="/tips/:id">{(params) => <TipDetailPage id={params.id} user={user} />}</Route>
        <Route path="/objects">
          <ObjectsPage user={user} />
        </Route>
        <Route path="/objects/new">
          <NewObjectPage user={user} />
        </Route>
        <Route path="/objects/:id">
          {(params) => <ObjectDetailPage id={params.id} user={user} />}
        </Route>
        <Route path="/cases">
          <CasesPage user={user} />
        </Route>
        <Route path="/cases/:id">{(params) => <CaseDetailPage id={params.id} user={user} />}</Route>
        <Route path="/series/:id">{(params) => <SeriesPage id={params.id} user={user} />}</Route>
        <Route path="/referrals">
          <ReferralsPage user={user} />
        </Route>
        <Route path="/referrals/:id">
          {(params) => <ReferralDetailPage id={params.id} user={user} />}
        </Route>
        <Route path="/portal">
          <PortalPage user={user} />
        </Route>
        <Route path="/portal/:id">
          {(params) => <PortalReferralPage id={params.id} user={user} />}
        </Route>
        <Route path="/agencies">
          <AgenciesPage user={user} />
        </Route>
        <Route path="/deliveries">
          <DeliveriesPage user={user} />
        </Route>
        <Route path="/routing">
          <RoutingPage user={user} />
        </Route>
        <Route path="/routing/new">
          <RulePage id={null} user={user} />
        </Route>
        <Route path="/routing/:id">{(params) => <RulePage id={params.id} user={user} />}</Route>
        <Route>
          <NotFoundPage role={user.role} />
        </Route>
      </Switch>
    </AppLayout>
  );
}
