import type { ReferralDetail } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { format, t } from "../../i18n";
import { referralTimeline } from "./referral-logic";

/** Sent → delivered → acknowledged → outcome, each with its time or "not yet". */
export function ReferralTimeline({ referral }: { referral: ReferralDetail }) {
  const d = t.referrals.detail;
  return (
    <Card as="section" heading={d.timeline} headingLevel={2}>
      <ol className="iw-history">
        {referralTimeline(referral).map(({ step, at }) => {
          const label = t.referrals.labels.timeline[step];
          return (
            <li key={step}>
              {at ? (
                <>
                  <span className="iw-history__change">{label}</span>{" "}
                  <time dateTime={at} className="iw-history__at">
                    {format.dateTime(at)}
                  </time>
                </>
              ) : (
                <span className="iw-muted">{d.timelinePending(label)}</span>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
