import { lazy, Suspense } from "react";
import { Route, Switch, useLocation } from "wouter";
import { Container } from "@trace/ui/page-layout";
import { PageErrorBoundary } from "@trace/ui/page-error-boundary";
import { Spinner } from "@trace/ui/spinner";
import { RECEIPT_PATH } from "../features/receipt/receipt-context";
import { compileMessages, useI18n, useMessages } from "../i18n";

// Each page is its own chunk, so a visitor downloads only the page they open (the budget in
// scripts/check-bundle-size.mjs holds home, gallery and object to 100 KB gzip of initial JS).
const HomePage = lazy(() =>
  import("../features/home/home-page").then((m) => ({ default: m.HomePage })),
);
const GalleryPage = lazy(() =>
  import("../features/gallery/gallery-page").then((m) => ({ default: m.GalleryPage })),
);
const ObjectPage = lazy(() =>
  import("../features/object/object-page").then((m) => ({ default: m.ObjectPage })),
);
const ReceiptPage = lazy(() =>
  import("../features/receipt/receipt-page").then((m) => ({ default: m.ReceiptPage })),
);
const CheckTipPage = lazy(() =>
  import("../features/check-tip/check-tip-page").then((m) => ({ default: m.CheckTipPage })),
);
const StatisticsPage = lazy(() =>
  import("../features/statistics/statistics-page").then((m) => ({ default: m.StatisticsPage })),
);
const PrivacyPage = lazy(() =>
  import("../features/privacy/privacy-page").then((m) => ({ default: m.PrivacyPage })),
);
const SafeguardingPage = lazy(() =>
  import("../features/safeguarding/safeguarding-page").then((m) => ({
    default: m.SafeguardingPage,
  })),
);
const NotFoundPage = lazy(() =>
  import("../features/not-found/not-found-page").then((m) => ({ default: m.NotFoundPage })),
);

/** The statistics page takes the i18n it needs (see loadPageMessages for why). */
function StatisticsRoute() {
  return <StatisticsPage i18n={useI18n()} compile={compileMessages} />;
}

/** These pages, too, take the i18n they need (see loadPageMessages). */
function PrivacyRoute() {
  return <PrivacyPage i18n={useI18n()} compile={compileMessages} />;
}
function SafeguardingRoute() {
  return <SafeguardingPage i18n={useI18n()} compile={compileMessages} />;
}

/** Shown, and announced, while a page's code downloads. */
function PageLoading() {
  const m = useMessages();
  return (
    <Container className="app-page">
      <Spinner label={m.common.loading()} isLabelVisible />
    </Container>
  );
}

export function Routes() {
  const m = useMessages();
  const [location] = useLocation();
  return (
    // A page whose chunk fails to load (a deploy in between, a dropped connection) would leave
    // the page blank: say so in the page's language and offer a reload instead.
    <PageErrorBoundary title={m.app.pageFailed()} retryLabel={m.common.retry()} resetKey={location}>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/objects" component={GalleryPage} />
          <Route path="/objects/:ref">
            {(params) => <ObjectPage key={params.ref} objectRef={params.ref} />}
          </Route>
          <Route path={RECEIPT_PATH} component={ReceiptPage} />
          <Route path="/check" component={CheckTipPage} />
          <Route path="/statistics" component={StatisticsRoute} />
          <Route path="/privacy" component={PrivacyRoute} />
          <Route path="/report-abuse" component={SafeguardingRoute} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </PageErrorBoundary>
  );
}
