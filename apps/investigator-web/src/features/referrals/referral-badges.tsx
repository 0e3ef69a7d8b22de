import type { ReferralDisposition, ReferralStatus } from "@trace/domain";
import { Badge, type BadgeTone } from "@trace/ui/badge";
import { useMessages, useFormat, type Messages } from "../../i18n";
import { timeToAcknowledge, type Elapsed } from "./referral-logic";

/** "2 days 5 hours", "3 hours 15 minutes", "less than a minute": the two largest units. */
function elapsedText(m: Messages, { days, hours, minutes }: Elapsed): string {
  if (days > 0)
    return hours > 0
      ? m.referrals.elapsed.daysHours({ days, hours })
      : m.referrals.elapsed.days({ days });
  if (hours > 0)
    return minutes > 0
      ? m.referrals.elapsed.hoursMinutes({ hours, minutes })
      : m.referrals.elapsed.hours({ hours });
  return minutes > 0
    ? m.referrals.elapsed.minutes({ minutes })
    : m.referrals.elapsed.lessThanAMinute();
}

const STATUS_TONE: Record<ReferralStatus, BadgeTone> = {
  pending: "warning",
  delivered: "info",
  acknowledged: "neutral",
  disposed: "success",
};

/** The status in words; the colour only reinforces it. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const m = useMessages();
  return <Badge tone={STATUS_TONE[status]}>{m.referrals.labels.status[status]()}</Badge>;
}

export function DispositionText({ disposition }: { disposition: ReferralDisposition | null }) {
  const m = useMessages();
  return disposition ? (
    <>{m.referrals.labels.disposition[disposition]()}</>
  ) : (
    <span className="iw-muted">{m.referrals.status.notYet()}</span>
  );
}

/** A time, or "Not yet". */
export function WhenCell({ at }: { at: string | null }) {
  const m = useMessages();
  const format = useFormat();
  return at ? (
    <time dateTime={at}>{format.dateTime(at)}</time>
  ) : (
    <span className="iw-muted">{m.referrals.status.notYet()}</span>
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
  const m = useMessages();
  const took = timeToAcknowledge(referral);
  return (
    <>
      <WhenCell at={referral.acknowledgedAt} />
      {took && (
        <span className="iw-cell-secondary">
          {m.referrals.after({ elapsed: elapsedText(m, took) })}
        </span>
      )}
    </>
  );
}
