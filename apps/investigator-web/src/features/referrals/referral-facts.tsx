import type { ReferralDetail } from "@trace/domain";
import type { ReactNode } from "react";
import { useMessages } from "../../i18n";
import { DispositionText, ReferralStatusBadge } from "./referral-badges";

/** The summary both the hub and the agency see at the top of a referral. */
export function ReferralFacts({
  referral,
  children,
}: {
  referral: ReferralDetail;
  children?: ReactNode;
}) {
  const m = useMessages();
  return (
    <dl className="iw-summary">
      <div>
        <dt>{m.referrals.detail.agency()}</dt>
        <dd>{`${referral.agency.code} — ${referral.agency.name}`}</dd>
      </div>
      <div>
        <dt>{m.referrals.detail.object()}</dt>
        <dd>
          {referral.object ? (
            <>
              <span className="iw-mono">{referral.object.ref}</span> {referral.object.title}
            </>
          ) : (
            <span className="iw-muted">{m.referrals.detail.generalTips()}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{m.referrals.detail.status()}</dt>
        <dd>
          <ReferralStatusBadge status={referral.status} />
        </dd>
      </div>
      <div>
        <dt>{m.referrals.detail.outcome()}</dt>
        <dd>
          <DispositionText disposition={referral.disposition} />
        </dd>
      </div>
      {referral.dispositionNote && (
        <div>
          <dt>{m.referrals.detail.outcomeNote()}</dt>
          <dd dir="auto">{referral.dispositionNote}</dd>
        </div>
      )}
      {children}
    </dl>
  );
}
