import type { ReferralDisposition, ReferralStatus } from "@trace/domain";
import { Badge, type BadgeTone } from "@trace/ui/badge";
import { format, t } from "../../i18n";
import { timeToAcknowledge } from "./referral-logic";

const STATUS_TONE: Record<ReferralStatus, BadgeTone> = {
  pending: "warning",
  delivered: "info",
  acknowledged: "neutral",
  disposed: "success",
};

/** The status in words; the colour only reinforces it. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{t.referrals.labels.status[status]}</Badge>;
}

export function DispositionText({ disposition }: { disposition: ReferralDisposition | null }) {
  return disposition ? (
    <>{t.referrals.labels.disposition[disposition]}</>
  ) : (
    <span className="iw-muted">{t.referrals.status.notYet}</span>
  );
}

/** A time, or "Not yet". */
export function WhenCell({ at }: { at: string | null }) {
  return at ? (
    <time dateTime={at}>{format.dateTime(at)}</time>
  ) : (
    <span className="iw-muted">{t.referrals.status.notYet}</span>
  );
}

/** When the agency acknowledged and how long after delivery it did. */
export function AcknowledgedCell({
  referral,
}: {
  referral: {
    createdAt: string;
    deliveredAt: string | null;
    acknowledgedAt: string | null;
    disposedAt: string | null;
  };
}) {
  const took = timeToAcknowledge(referral);
  return (
    <>
      <WhenCell at={referral.acknowledgedAt} />
      {took && <span className="iw-cell-secondary">{t.referrals.after(took)}</span>}
    </>
  );
}
