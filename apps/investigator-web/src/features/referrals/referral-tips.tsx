import type { ReferralDetail } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { useId } from "react";
import { Link } from "wouter";
import { useMessages, useFormat } from "../../i18n";
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
  const m = useMessages();
  return (
    <Card as="section" heading={m.referrals.tips.heading({ n: tips.length })} headingLevel={2}>
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
  const m = useMessages();
  const format = useFormat();
  const headingId = useId();
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="iw-filters__heading">
        {m.referrals.tips.received({ date: format.dateTime(tip.receivedAt) })}
      </h3>
      {tipHref && (
        <p>
          <Link href={tipHref(tip.id)}>{m.referrals.tips.openTip()}</Link>
        </p>
      )}
      <dl className="iw-dl">
        <AnswerEntries answer={tip} />
        <Entry term={m.referrals.tips.language()}>{format.languageName(tip.language)}</Entry>
        <Entry term={m.referrals.tips.text()}>
          {tip.text ? (
            <div className="iw-tip-text" lang={tip.language} dir="auto">
              {tip.text}
            </div>
          ) : (
            <span className="iw-muted">{m.referrals.tips.noText()}</span>
          )}
        </Entry>
      </dl>
    </article>
  );
}
