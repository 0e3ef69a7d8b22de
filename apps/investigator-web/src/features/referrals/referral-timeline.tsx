import type { ReferralDetail } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { useMessages, useFormat } from "../../i18n";
import { referralTimeline } from "./referral-logic";

/** Sent → delivered → acknowledged → outcome, each with its time or "not yet". */
export function ReferralTimeline({ referral }: { referral: ReferralDetail }) {
  const m = useMessages();
  const format = useFormat();
  return (
    <Card as="section" heading={m.referrals.detail.timeline()} headingLevel={2}>
      <ol className="iw-history">
        {referralTimeline(referral).map(({ step, at }) => {
          const label = m.referrals.labels.timeline[step]();
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
                <span className="iw-muted">{m.referrals.detail.timelinePending({ label })}</span>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
