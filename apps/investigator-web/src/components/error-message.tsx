import { Alert } from "@trace/ui/alert";
import { t } from "../i18n";
import { requestId } from "../lib/errors";

/** The support reference of a failed request, when the server gave one. */
export function ErrorMessage({ error }: { error: unknown }) {
  const id = requestId(error);
  return id ? <p className="iw-error-reference">{t.app.errorReference(id)}</p> : null;
}

/** A failed request: what went wrong, and the support reference when there is one. */
export function ErrorAlert({
  title,
  error,
  live,
}: {
  title: string;
  error: unknown;
  live?: boolean;
}) {
  return (
    <Alert tone="danger" live={live} title={title}>
      <ErrorMessage error={error} />
    </Alert>
  );
}
