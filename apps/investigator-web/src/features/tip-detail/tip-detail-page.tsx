import { can, IdSchema, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useHistoryState } from "wouter/use-browser-location";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { errorCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { backToInboxHref } from "./inbox-link-state";
import { TipView } from "./tip-view";

export function TipDetailPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.tip.title());
  const backHref = backToInboxHref(useHistoryState<unknown>());
  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href={backHref}>
          <span aria-hidden="true">← </span>
          {m.tip.backToInbox()}
        </Link>
      </p>
      <PageHeading>{m.tip.heading()}</PageHeading>
      {can(user.role, "tip.read") ? (
        <TipDetail id={id} user={user} />
      ) : (
        <Alert tone="warning" title={m.forbidden.tips()} />
      )}
    </Container>
  );
}

function TipDetail({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const isId = IdSchema.safeParse(id).success;
  const tip = useQuery({
    ...trpc.tips.byId.queryOptions({ id }),
    enabled: isId,
    // Every read of a tip is audited on the server: no silent re-reads when the window regains focus.
    refetchOnWindowFocus: false,
  });

  const code = errorCode(tip.error);
  if (!isId || code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return <Alert tone="warning" title={m.tip.notFound()} />;
  }
  if (code === "FORBIDDEN") return <Alert tone="warning" title={m.forbidden.tips()} />;
  if (tip.isError) {
    return (
      <ErrorAlert title={m.tip.loadError()} error={tip.error} onRetry={() => void tip.refetch()} />
    );
  }
  if (tip.isPending) return <Spinner label={m.tip.loading()} isLabelVisible />;
  return <TipView tip={tip.data} user={user} />;
}
