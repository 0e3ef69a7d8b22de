import { Link } from "wouter";
import { Alert } from "@trace/ui/alert";
import { useFormMessages } from "../../i18n";

/**
 * Where to turn for abuse that is not about an object: local police or a national hotline, with
 * a link to the safeguarding page's hotlines and emergency numbers by country.
 */
export function HotlineGuidance() {
  const m = useFormMessages();
  return (
    <Alert tone="warning" title={m.hotline.title()}>
      <p>{m.hotline.body()}</p>
      <p>
        <strong>{m.hotline.emergency()}</strong>
      </p>
      <p>
        <Link href="/report-abuse">{m.hotline.findHotline()}</Link>
      </p>
    </Alert>
  );
}
