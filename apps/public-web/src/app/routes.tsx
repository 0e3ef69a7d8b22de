import { lazy, Suspense } from "react";
import { Route, Switch } from "wouter";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { RECEIPT_PATH } from "../features/receipt/receipt-context";
import { useMessages } from "../i18n";

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
const NotFoundPage = lazy(() =>
  import("../features/not-found/not-found-page").then((m) => ({ default: m.NotFoundPage })),
);

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
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/objects" component={GalleryPage} />
        <Route path="/objects/:ref">
          {(params) => <ObjectPage key={params.ref} objectRef={params.ref} />}
        </Route>
        <Route path={RECEIPT_PATH} component={ReceiptPage} />
        <Route path="/check" component={CheckTipPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
