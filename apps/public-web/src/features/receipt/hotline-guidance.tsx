import { Alert } from "@trace/ui/alert";
import { useFormMessages } from "../../i18n";

/** Where to turn for abuse that is not about an object: local police or a national hotline. */
export function HotlineGuidance() {
  const m = useFormMessages();
  return (
    <Alert tone="warning" title={m.hotline.title()}>
      <p>{m.hotline.body()}</p>
      <p>
        <strong>{m.hotline.emergency()}</strong>
      </p>
    </Alert>
  );
}
