import { Card } from "@trace/ui/card";
import { useId, type ReactNode } from "react";
import type { CountryCode, TipConfidence } from "@trace/domain";
import { useMessages, useFormat } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

export function Entry({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Given({ value }: { value: string | null | undefined }) {
  const m = useMessages();
  return value ? <>{value}</> : <span className="iw-muted">{m.app.notGiven()}</span>;
}

/** What a tipster answered, in both the hub's and an agency's views of a tip. */
interface Answer {
  country?: CountryCode | null;
  placeOrShop?: string | null;
  brandOrProduct?: string | null;
  timePeriod?: string | null;
  evidenceLinks: readonly string[];
  confidence: TipConfidence;
}

/**
 * The structured answer as definition-list entries. Evidence links are text on purpose: staff
 * must not open them by a slip.
 */
export function AnswerEntries({ answer }: { answer: Answer }) {
  const m = useMessages();
  const format = useFormat();
  const noteId = useId();
  return (
    <>
      <Entry term={m.tip.answer.country()}>
        <Given value={answer.country && format.countryName(answer.country)} />
      </Entry>
      <Entry term={m.tip.answer.placeOrShop()}>
        <Given value={answer.placeOrShop} />
      </Entry>
      <Entry term={m.tip.answer.brandOrProduct()}>
        <Given value={answer.brandOrProduct} />
      </Entry>
      <Entry term={m.tip.answer.timePeriod()}>
        <Given value={answer.timePeriod} />
      </Entry>
      <Entry term={m.tip.answer.evidenceLinks()}>
        {answer.evidenceLinks.length === 0 ? (
          <span className="iw-muted">{m.tip.answer.noLinks()}</span>
        ) : (
          <>
            <p id={noteId} className="iw-note">
              {m.tip.answer.evidenceLinksNote()}
            </p>
            <ul className="iw-evidence-links" aria-describedby={noteId}>
              {answer.evidenceLinks.map((link, index) => (
                <li key={index} className="iw-mono">
                  {link}
                </li>
              ))}
            </ul>
          </>
        )}
      </Entry>
      <Entry term={m.tip.answer.confidence()}>{m.labels.confidence[answer.confidence]()}</Entry>
    </>
  );
}

export function AnswerSection({ answer }: { answer: TipDetailView["answer"] }) {
  const m = useMessages();
  return (
    <Card as="section" heading={m.tip.answer.heading()} headingLevel={2}>
      <dl className="iw-dl">
        <AnswerEntries answer={answer} />
      </dl>
    </Card>
  );
}
