import type { Role } from "@trace/domain";
import { Container } from "@trace/ui/page-layout";
import { Link } from "wouter";
import { homePathFor } from "../features/agency-portal/home-path";
import { t } from "../i18n";
import { PageHeading } from "./page-heading";
import { useDocumentTitle } from "./use-document-title";

export function NotFoundPage({ role }: { role: Role }) {
  useDocumentTitle(t.notFound.title);
  return (
    <Container>
      <PageHeading>{t.notFound.title}</PageHeading>
      <p>{t.notFound.text}</p>
      <p>
        <Link href={homePathFor(role)}>{t.notFound.backToStart}</Link>
      </p>
    </Container>
  );
}
