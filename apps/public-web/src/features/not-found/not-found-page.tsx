import { Link } from "wouter";
import { Container } from "@trace/ui/page-layout";
import { useMessages } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

export function NotFoundPage() {
  const m = useMessages();
  useDocumentTitle(m.notFound.heading());
  return (
    <Container size="narrow" className="app-page app-stack">
      <h1>{m.notFound.heading()}</h1>
      <p>{m.notFound.body()}</p>
      <p>
        <Link href="/">{m.notFound.home()}</Link>
      </p>
    </Container>
  );
}
