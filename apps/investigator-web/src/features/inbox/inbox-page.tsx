import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Container } from "@trace/ui/page-layout";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { t } from "../../i18n";
import { Inbox } from "./inbox";

export function InboxPage({ user }: { user: StaffUser }) {
  useDocumentTitle(t.inbox.title);
  return (
    <Container size="wide">
      <PageHeading>{t.inbox.title}</PageHeading>
      {can(user.role, "tip.read") ? (
        <Inbox canTriage={can(user.role, "tip.triage")} />
      ) : (
        <Alert tone="warning" title={t.forbidden.tips} />
      )}
    </Container>
  );
}
