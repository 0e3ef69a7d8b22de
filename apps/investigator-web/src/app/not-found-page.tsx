import { Container } from "@trace/ui/page-layout";
import { Link } from "wouter";
import { t } from "../i18n";
import { PageHeading } from "./page-heading";
import { useDocumentTitle } from "./use-document-title";

export function NotFoundPage() {
  useDocumentTitle(t.notFound.title);
  return (
    <Container>
      <PageHeading>{t.notFound.title}</PageHeading>
      <p>{t.notFound.text}</p>
      <p>
        <Link href="/tips">{t.notFound.backToInbox}</Link>
      </p>
    </Container>
  );
}
