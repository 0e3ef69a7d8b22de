import { IdSchema, type RoutingDecisionView } from "@trace/domain";
import { Badge, type BadgeTone } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextInput } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { useFormat, useMessages, type Messages } from "../../i18n";
import type { Formatters } from "../../lib/format";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import type { DraftRuleSetEntry } from "./rule-set";

const OUTCOME_TONES: Record<RoutingDecisionView["explanations"][number]["outcome"], BadgeTone> = {
  matched: "success",
  not_matched: "neutral",
  skipped: "warning",
};

/** "refer to Belgian federal police; priority high; human review required" */
export function decisionSentence(
  m: Messages,
  format: Formatters,
  decision: Omit<RoutingDecisionView, "explanations">,
): string {
  const agencies = format.list(
    decision.agencies.map((a) => a.name),
    "conjunction",
  );
  return [
    decision.agencies.length === 0
      ? m.routing.tryOnTip.noAgency()
      : m.routing.summary.refer({ agencies }),
    `${m.routing.tryOnTip.priority()}: ${decision.priority ? m.labels.priority[decision.priority]() : m.routing.tryOnTip.noPriority()}`,
    `${m.routing.tryOnTip.review()}: ${decision.requiresReview ? m.routing.tryOnTip.reviewRequired() : m.routing.tryOnTip.reviewNotRequired()}`,
  ].join("; ");
}

/**
 * "Try on a tip": the decision of the rules for one tip and each rule's explanation. With
 * `prepareRules` it tries a draft rule set (the rule being edited, switched on as it will run);
 * without, the saved rules. A tip id arriving in the address (`?tip=`) is tried at once.
 */
export function TryOnTip({
  initialTipId,
  prepareRules,
  currentRuleId,
}: {
  initialTipId: string;
  /** The draft rule set to try, or null when the draft does not validate. */
  prepareRules?: () => DraftRuleSetEntry[] | null;
  /** The rule being edited, marked in the explanations. */
  currentRuleId?: string;
}) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const tryRules = useMutation(trpc.routing.tryOnTip.mutationOptions());
  const inputRef = useRef<HTMLInputElement>(null);
  const [tipId, setTipId] = useState(initialTipId);
  const [inputError, setInputError] = useState<string | undefined>();
  const [isDraftInvalid, setIsDraftInvalid] = useState(false);
  const [triedTipId, setTriedTipId] = useState<string | null>(null);

  const run = (value: string) => {
    const id = value.trim();
    if (!IdSchema.safeParse(id).success) {
      setInputError(m.routing.tryOnTip.invalidTipId());
      inputRef.current?.focus();
      return;
    }
    setInputError(undefined);
    const rules = prepareRules ? prepareRules() : undefined;
    setIsDraftInvalid(rules === null);
    if (rules === null) return;
    setTriedTipId(id);
    tryRules.mutate({ tipId: id, ...(rules ? { rules } : {}) });
  };

  // Arriving from a tip's page with ?tip=<id>: try it without making the user press the button.
  const hasAutoRun = useRef(false);
  useEffect(() => {
    if (hasAutoRun.current || initialTipId === "") return;
    hasAutoRun.current = true;
    run(initialTipId);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(tipId);
  };

  const isNotFound = appCode(tryRules.error) === "tip_not_found";
  const decision = tryRules.data;
  return (
    <Card as="section" heading={m.routing.tryOnTip.heading()} headingLevel={2}>
      <p className="iw-muted">
        {prepareRules ? m.routing.tryOnTip.introDraft() : m.routing.tryOnTip.introSaved()}
      </p>
      <form noValidate onSubmit={submit} className="iw-routing-inline-form">
        <Field
          label={m.routing.tryOnTip.tipId()}
          hint={m.routing.tryOnTip.tipIdHint()}
          error={inputError ?? (isNotFound ? m.routing.tryOnTip.tipNotFound() : undefined)}
        >
          {(props) => (
            <TextInput
              {...props}
              ref={inputRef}
              autoComplete="off"
              spellCheck={false}
              className="iw-mono iw-routing-tip-id"
              value={tipId}
              onChange={(e) => setTipId(e.currentTarget.value)}
            />
          )}
        </Field>
        <div>
          <Button type="submit" isLoading={tryRules.isPending}>
            {m.routing.tryOnTip.run()}
          </Button>
        </div>
      </form>
      {isDraftInvalid && <p className="t-field__error">{m.routing.tryOnTip.draftInvalid()}</p>}
      {tryRules.isError && !isNotFound && (
        <ErrorAlert title={m.routing.tryOnTip.failed()} error={tryRules.error} live />
      )}
      {/* Always present, so screen readers announce the decision when it arrives. */}
      <p role="status" className="iw-routing-live">
        {tryRules.isPending
          ? m.routing.tryOnTip.running()
          : decision
            ? m.routing.tryOnTip.decided({ summary: decisionSentence(m, format, decision) })
            : ""}
      </p>
      {tryRules.isPending && <Spinner label={m.routing.tryOnTip.running()} />}
      {decision && triedTipId && !tryRules.isPending && (
        <DecisionView decision={decision} tipId={triedTipId} currentRuleId={currentRuleId} />
      )}
    </Card>
  );
}

function DecisionView({
  decision,
  tipId,
  currentRuleId,
}: {
  decision: RoutingDecisionView;
  tipId: string;
  currentRuleId: string | undefined;
}) {
  const m = useMessages();
  const decisionId = useId();
  const explanationsId = useId();
  return (
    <div className="iw-routing-result">
      <section aria-labelledby={decisionId}>
        <h3 id={decisionId}>{m.routing.tryOnTip.decision()}</h3>
        <dl className="iw-summary">
          <div>
            <dt>{m.routing.tryOnTip.referTo()}</dt>
            <dd>
              {decision.agencies.length === 0
                ? m.routing.tryOnTip.noAgency()
                : decision.agencies.map((a) => a.name).join(", ")}
            </dd>
          </div>
          <div>
            <dt>{m.routing.tryOnTip.priority()}</dt>
            <dd>
              {decision.priority
                ? m.labels.priority[decision.priority]()
                : m.routing.tryOnTip.noPriority()}
            </dd>
          </div>
          <div>
            <dt>{m.routing.tryOnTip.review()}</dt>
            <dd>
              {decision.requiresReview
                ? m.routing.tryOnTip.reviewRequired()
                : m.routing.tryOnTip.reviewNotRequired()}
            </dd>
          </div>
        </dl>
        <p>
          <Link href={`/tips/${tipId}`}>{m.routing.tryOnTip.openTip()}</Link>
        </p>
      </section>
      <section aria-labelledby={explanationsId}>
        <h3 id={explanationsId}>{m.routing.tryOnTip.explanations()}</h3>
        <ol className="iw-routing-explanations">
          {decision.explanations.map((e) => (
            <li
              key={e.ruleId}
              className={e.ruleId === currentRuleId ? "iw-routing-explanation--current" : undefined}
            >
              <p className="iw-routing-explanation__head">
                <strong>{e.ruleName}</strong>{" "}
                {e.ruleId === currentRuleId && <span>({m.routing.tryOnTip.thisRule()}) </span>}
                <span className="iw-muted">
                  {m.routing.tryOnTip.ruleVersion({ version: e.version })}
                </span>{" "}
                <Badge tone={OUTCOME_TONES[e.outcome]}>
                  {m.routing.tryOnTip.outcome[e.outcome]()}
                </Badge>
              </p>
              <p className="iw-routing-explanation__text">{e.text}</p>
              {e.conditions.length > 0 && (
                <ul className="iw-routing-lines" aria-label={m.routing.tryOnTip.conditionLines()}>
                  {e.conditions.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
