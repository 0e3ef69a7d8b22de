import type { ReferralDetail } from "@trace/domain";
import type { ReactNode } from "react";
import { t } from "../../i18n";
import { DispositionText, ReferralStatusBadge } from "./referral-badges";

/** The summary both the hub and the agency see at the top of a referral. */
export function ReferralFacts({
  referral,
  children,
}: {
  referral: ReferralDetail;
  children?: ReactNode;
}) {
  const d = t.referrals.detail;
  return (
    <dl className="iw-summary">
      <div>
        <dt>{d.agency}</dt>
        <dd>{`${referral.agency.code} — ${referral.agency.name}`}</dd>
      </div>
      <div>
        <dt>{d.object}</dt>
        <dd>
          {referral.object ? (
            <>
              <span className="iw-mono">{referral.object.ref}</span> {referral.object.title}
            </>
          ) : (
            <span className="iw-muted">{d.generalTips}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{d.status}</dt>
        <dd>
          <ReferralStatusBadge status={referral.status} />
        </dd>
      </div>
      <div>
        <dt>{d.outcome}</dt>
        <dd>
          <DispositionText disposition={referral.disposition} />
        </dd>
      </div>
      {referral.dispositionNote && (
        <div>
          <dt>{d.outcomeNote}</dt>
          <dd dir="auto">{referral.dispositionNote}</dd>
        </div>
      )}
      {children}
    </dl>
  );
}
