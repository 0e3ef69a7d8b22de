import { Container, PageLayout } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { t } from "../i18n";
import { ErrorAlert } from "../components/error-message";

function Brand() {
  return <span className="iw-brand">{t.app.name}</span>;
}

/** Shown while `auth.me` answers, before the app knows whether anyone is signed in. */
export function StartupSpinner() {
  return (
    <PageLayout brand={<Brand />} skipLinkLabel={t.app.skipLink}>
      <Container>
        <Spinner label={t.app.loading} isLabelVisible />
      </Container>
    </PageLayout>
  );
}

export function StartupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <PageLayout brand={<Brand />} skipLinkLabel={t.app.skipLink}>
      <Container size="narrow">
        <ErrorAlert title={t.app.cannotReachServer} error={error} onRetry={onRetry} />
      </Container>
    </PageLayout>
  );
}
