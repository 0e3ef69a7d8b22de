import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Container } from "@trace/ui/page-layout";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMessages } from "../../i18n";
import { Inbox } from "./inbox";

export function InboxPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.inbox.title());
  return (
    <Container size="wide">
      <PageHeading>{m.inbox.title()}</PageHeading>
      {can(user.role, "tip.read") ? (
        <Inbox canTriage={can(user.role, "tip.triage")} />
      ) : (
        <Alert tone="warning" title={m.forbidden.tips()} />
      )}
    </Container>
  );
}
