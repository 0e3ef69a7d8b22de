import { t } from "../i18n";
import { requestId } from "../lib/errors";

/** The support reference of a failed request, when the server gave one. */
export function ErrorMessage({ error }: { error: unknown }) {
  const id = requestId(error);
  return id ? <p className="iw-error-reference">{t.app.errorReference(id)}</p> : null;
}
