import { Route, Switch } from "wouter";
import { CheckTipPage } from "../features/check-tip/check-tip-page";
import { GalleryPage } from "../features/gallery/gallery-page";
import { HomePage } from "../features/home/home-page";
import { NotFoundPage } from "../features/not-found/not-found-page";
import { ObjectPage } from "../features/object/object-page";
import { RECEIPT_PATH } from "../features/receipt/receipt-context";
import { ReceiptPage } from "../features/receipt/receipt-page";

export function Routes() {
  return (
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
  );
}
