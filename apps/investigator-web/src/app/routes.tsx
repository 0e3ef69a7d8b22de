import type { StaffUser } from "@trace/domain";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { LoginPage } from "../features/auth/login-page";
import { loginHref, safeNextPath } from "../features/auth/next-path";
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
 * into a user) it gives way to the page first asked for, or the inbox.
 */
function RedirectAfterLogin() {
  const next = new URLSearchParams(useSearch()).get("next");
  return <Redirect to={safeNextPath(next)} replace />;
}

export function SignedInRoutes({ user }: { user: StaffUser }) {
  return (
    <AppLayout user={user}>
      <Switch>
        <Route path="/login">
          <RedirectAfterLogin />
        </Route>
        <Route path="/">
          <Redirect to="/tips" replace />
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
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </AppLayout>
  );
}
