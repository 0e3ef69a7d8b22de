import type { TriageStatus } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { DataTable } from "@trace/ui/data-table";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ReferForm, type ReferableTip } from "./refer-form";
import {
  AcknowledgedCell,
  DispositionText,
  ReferralStatusBadge,
  WhenCell,
} from "./referral-badges";
import { isReferable, PENDING_POLL_MS } from "./referral-logic";

/**
 * A tip's referrals on its page (hub only): where it has been sent and how each agency responded,
 * then the form to refer it (with other tips about the same object) to an agency.
 */
export function ReferralSection({ tip }: { tip: ReferableTip & { triageStatus: TriageStatus } }) {
  const m = useMessages();
  return (
    <Card as="section" heading={m.referrals.refer.heading()} headingLevel={2}>
      <div className="iw-stack">
        <SentReferrals tipId={tip.id} />
        {isReferable(tip.triageStatus) ? (
          <ReferForm tip={tip} />
        ) : (
          <p className="iw-muted">{m.referrals.refer.notReferable()}</p>
        )}
      </div>
    </Card>
  );
}

function SentReferrals({ tipId }: { tipId: string }) {
  const m = useMessages();
  const trpc = useTRPC();
  const sent = useQuery({
    ...trpc.referrals.forTip.queryOptions({ tipId }),
    // A new referral turns "delivered" within seconds, once the delivery worker has run.
    refetchInterval: (query) =>
      query.state.data?.some((r) => r.status === "pending") ? PENDING_POLL_MS : false,
  });
  if (sent.isPending) return <Spinner label={m.referrals.refer.loadingSent()} />;
  if (sent.isError)
    return <ErrorAlert title={m.referrals.refer.sentLoadError()} error={sent.error} />;
  if (sent.data.length === 0) return <p className="iw-muted">{m.referrals.refer.noneYet()}</p>;
  return (
    <DataTable
      caption={m.referrals.refer.sentCaption()}
      rows={sent.data}
      getRowKey={(row) => row.id}
      columns={[
        {
          key: "agency",
          header: m.referrals.refer.columns.agency(),
          isRowHeader: true,
          render: (row) => (
            <>
              <Link href={`/referrals/${row.id}`} className="iw-nowrap">
                {row.agency.code}
              </Link>
              <span className="iw-cell-secondary">{row.agency.name}</span>
            </>
          ),
        },
        {
          key: "status",
          header: m.referrals.refer.columns.status(),
          render: (row) => <ReferralStatusBadge status={row.status} />,
        },
        {
          key: "sent",
          header: m.referrals.refer.columns.sent(),
          render: (row) => <WhenCell at={row.createdAt} />,
        },
        {
          key: "acknowledged",
          header: m.referrals.refer.columns.acknowledged(),
          render: (row) => <AcknowledgedCell referral={row} />,
        },
        {
          key: "outcome",
          header: m.referrals.refer.columns.outcome(),
          render: (row) => <DispositionText disposition={row.disposition} />,
        },
      ]}
    />
  );
}
