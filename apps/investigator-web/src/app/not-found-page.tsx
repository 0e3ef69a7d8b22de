import type { Role } from "@trace/domain";
import { Container } from "@trace/ui/page-layout";
import { Link } from "wouter";
import { homePathFor } from "../features/agency-portal/home-path";
import { useMessages } from "../i18n";
import { PageHeading } from "./page-heading";
import { useDocumentTitle } from "./use-document-title";

export function NotFoundPage({ role }: { role: Role }) {
  const m = useMessages();
  useDocumentTitle(m.notFound.title());
  return (
    <Container>
      <PageHeading>{m.notFound.title()}</PageHeading>
      <p>{m.notFound.text()}</p>
      <p>
        <Link href={homePathFor(role)}>{m.notFound.backToStart()}</Link>
      </p>
    </Container>
  );
}
