import type { ReferralDetail } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { useId } from "react";
import { Link } from "wouter";
import { format, t } from "../../i18n";
import { AnswerEntries, Entry } from "../tip-detail/answer-section";

type ReferralTip = ReferralDetail["tips"][number];

/**
 * The tips inside a referral, as the tipster gave them. Evidence links stay text so no one opens
 * one by a slip; tip text is rendered as text, never as HTML. `tipHref` links each tip to its
 * page for hub staff; liaisons have no tip pages.
 */
export function ReferralTips({
  tips,
  tipHref,
}: {
  tips: ReferralDetail["tips"];
  tipHref?: (id: string) => string;
}) {
  return (
    <Card as="section" heading={t.referrals.tips.heading(tips.length)} headingLevel={2}>
      <ol className="iw-messages">
        {tips.map((tip) => (
          <li key={tip.id}>
            <ReferralTipEntry tip={tip} tipHref={tipHref} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

function ReferralTipEntry({
  tip,
  tipHref,
}: {
  tip: ReferralTip;
  tipHref?: (id: string) => string;
}) {
  const s = t.referrals.tips;
  const headingId = useId();
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="iw-filters__heading">
        {s.received(format.dateTime(tip.receivedAt))}
      </h3>
      {tipHref && (
        <p>
          <Link href={tipHref(tip.id)}>{s.openTip}</Link>
        </p>
      )}
      <dl className="iw-dl">
        <AnswerEntries answer={tip} />
        <Entry term={s.language}>{format.languageName(tip.language)}</Entry>
        <Entry term={s.text}>
          {tip.text ? (
            <div className="iw-tip-text" lang={tip.language} dir="auto">
              {tip.text}
            </div>
          ) : (
            <span className="iw-muted">{s.noText}</span>
          )}
        </Entry>
      </dl>
    </article>
  );
}
