import { Container, PageLayout } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMessages } from "../i18n";
import { ErrorAlert } from "../components/error-message";

function Brand() {
  const m = useMessages();
  return <span className="iw-brand">{m.app.name()}</span>;
}

/** Shown while `auth.me` answers, before the app knows whether anyone is signed in. */
export function StartupSpinner() {
  const m = useMessages();
  return (
    <PageLayout brand={<Brand />} skipLinkLabel={m.app.skipLink()}>
      <Container>
        <Spinner label={m.app.loading()} isLabelVisible />
      </Container>
    </PageLayout>
  );
}

export function StartupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const m = useMessages();
  return (
    <PageLayout brand={<Brand />} skipLinkLabel={m.app.skipLink()}>
      <Container size="narrow">
        <ErrorAlert title={m.app.cannotReachServer()} error={error} onRetry={onRetry} />
      </Container>
    </PageLayout>
  );
}
