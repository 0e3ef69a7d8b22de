import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import type { SiteMessages } from "../i18n";

/** "Not available just now" with a retry button: a page's words or data could not be fetched. */
export function UnavailableAlert({ m, onRetry }: { m: SiteMessages; onRetry: () => void }) {
  return (
    <Alert tone="danger" live title={m.common.unavailable()}>
      <p>
        <Button variant="secondary" onClick={onRetry}>
          {m.common.retry()}
        </Button>
      </p>
    </Alert>
  );
}
