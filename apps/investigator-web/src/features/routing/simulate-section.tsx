import type { SimulationView } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { DataTable } from "@trace/ui/data-table";
import { Field, RadioGroup, TextInput } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { locale, t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { dayRange, type DraftRuleSetEntry } from "./rule-set";

type Mode = "last" | "range";
type DecisionSummary = SimulationView["changed"][number]["before"];

const signed = new Intl.NumberFormat(locale, { signDisplay: "exceptZero" });

/** "BE-FEDPOL, FR-PN; priority high; human review", or "No referral". */
function decisionText(d: DecisionSummary): string {
  const s = t.routing.simulate;
  return [
    d.agencies.length === 0 ? s.decisionNone : d.agencies.map((a) => a.name).join(", "),
    d.priority && s.decisionPriority(t.routing.inline.priority[d.priority]),
    d.requiresReview && s.decisionReview,
  ]
    .filter(Boolean)
    .join("; ");
}

/**
 * "Simulate": the draft rule set (with the rule being edited enabled) over recent tips, compared
 * with the saved rules; then "Save and activate" once the user has seen what it changes. The
 * button only shows for the draft that was simulated: an edit afterwards asks for a new run.
 */
export function SimulateSection({
  prepareRules,
  draftKey,
  isActive,
  onActivate,
  isActivating,
  feedback,
}: {
  /** The draft rule set with the edited rule enabled, or null when the draft does not validate. */
  prepareRules: () => DraftRuleSetEntry[] | null;
  /** Identifies the draft's content, to tell whether the results are still about it. */
  draftKey: string;
  /** The draft is the saved rule and it is enabled: there is nothing left to activate. */
  isActive: boolean;
  onActivate: () => void;
  isActivating: boolean;
  /** What came of the last "Save and activate". */
  feedback: ReactNode;
}) {
  const s = t.routing.simulate;
  const trpc = useTRPC();
  const simulate = useMutation(trpc.routing.simulate.mutationOptions());
  const [mode, setMode] = useState<Mode>("last");
  const [count, setCount] = useState("1000");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<{ count?: string; range?: string; draft?: string }>({});
  const [simulatedKey, setSimulatedKey] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rules = prepareRules();
    if (rules === null) {
      setErrors({ draft: s.draftInvalid });
      return;
    }
    if (mode === "last") {
      const lastTips = Number(count);
      if (!/^\d+$/.test(count.trim()) || lastTips < 1 || lastTips > 100_000) {
        setErrors({ count: s.invalidCount });
        return;
      }
      setErrors({});
      simulate.mutate({ rules, lastTips });
    } else {
      const range = dayRange(from, to);
      if (range === null || (range.from && range.to && range.from > range.to)) {
        setErrors({ range: s.invalidRange });
        return;
      }
      if (range.from === undefined && range.to === undefined) {
        setErrors({ range: s.emptyRange });
        return;
      }
      setErrors({});
      simulate.mutate({
        rules,
        ...(range.from ? { from: range.from } : {}),
        ...(range.to ? { to: range.to } : {}),
      });
    }
    setSimulatedKey(draftKey);
  };

  const result = simulate.data;
  const isCurrent = simulatedKey === draftKey;
  return (
    <Card as="section" heading={s.heading} headingLevel={2}>
      <p className="iw-muted">{s.intro}</p>
      <form noValidate onSubmit={submit} className="iw-routing-form">
        <RadioGroup
          legend={s.which}
          name="simulation-tips"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          options={[
            { value: "last", label: s.lastTips },
            { value: "range", label: s.range },
          ]}
        />
        {mode === "last" ? (
          <Field label={s.count} hint={s.countHint} error={errors.count}>
            {(props) => (
              <TextInput
                {...props}
                inputMode="numeric"
                className="iw-routing-number"
                value={count}
                onChange={(e) => setCount(e.currentTarget.value)}
              />
            )}
          </Field>
        ) : (
          <fieldset className="t-fieldset">
            <legend className="t-fieldset__legend">{s.dates}</legend>
            <div className="t-field__hint">{s.rangeHint}</div>
            {errors.range && <p className="t-field__error">{errors.range}</p>}
            <div className="iw-routing-range">
              <Field label={s.from}>
                {(props) => (
                  <TextInput
                    {...props}
                    type="date"
                    aria-invalid={errors.range ? true : undefined}
                    value={from}
                    onChange={(e) => setFrom(e.currentTarget.value)}
                  />
                )}
              </Field>
              <Field label={s.to}>
                {(props) => (
                  <TextInput
                    {...props}
                    type="date"
                    aria-invalid={errors.range ? true : undefined}
                    value={to}
                    onChange={(e) => setTo(e.currentTarget.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        )}
        {errors.draft && <p className="t-field__error">{errors.draft}</p>}
        <div>
          <Button type="submit" isLoading={simulate.isPending}>
            {s.run}
          </Button>
        </div>
      </form>
      {simulate.isError && <ErrorAlert title={s.failed} error={simulate.error} live />}
      {/* Always present, so screen readers announce the outcome when it arrives. */}
      <p role="status" className="iw-routing-live">
        {simulate.isPending ? s.running : result ? s.status(result.total, result.changedCount) : ""}
      </p>
      {simulate.isPending && <Spinner label={s.running} />}
      {result && !simulate.isPending && (
        <SimulationResult
          result={result}
          isCurrent={isCurrent}
          isActive={isActive}
          onActivate={onActivate}
          isActivating={isActivating}
        />
      )}
      {feedback}
    </Card>
  );
}

function SimulationResult({
  result,
  isCurrent,
  isActive,
  onActivate,
  isActivating,
}: {
  result: SimulationView;
  isCurrent: boolean;
  isActive: boolean;
  onActivate: () => void;
  isActivating: boolean;
}) {
  const s = t.routing.simulate;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="iw-routing-result">
      <h3 id={headingId}>{s.results}</h3>
      <DataTable
        caption={s.perAgency}
        rows={result.perAgency}
        getRowKey={(row) => row.id}
        emptyMessage={s.perAgencyEmpty}
        columns={[
          { key: "agency", header: s.agency, isRowHeader: true, render: (row) => row.name },
          { key: "before", header: s.before, align: "end", render: (row) => row.before },
          { key: "after", header: s.after, align: "end", render: (row) => row.after },
          {
            key: "difference",
            header: s.difference,
            align: "end",
            render: (row) => signed.format(row.after - row.before),
          },
        ]}
      />
      {result.changed.length > 0 && (
        <>
          <DataTable
            caption={s.changedTips}
            rows={result.changed}
            getRowKey={(row) => row.tipId}
            columns={[
              {
                key: "tip",
                header: s.tip,
                isRowHeader: true,
                render: (row) => (
                  <Link href={`/tips/${row.tipId}`} className="iw-mono">
                    {row.tipId}
                  </Link>
                ),
              },
              {
                key: "object",
                header: s.object,
                render: (row) =>
                  row.objectRef ? <span className="iw-mono">{row.objectRef}</span> : s.noObject,
              },
              { key: "before", header: s.before, render: (row) => decisionText(row.before) },
              { key: "after", header: s.after, render: (row) => decisionText(row.after) },
            ]}
          />
          {result.changedCount > result.changed.length && (
            <p className="iw-muted">
              {s.changedTipsShown(result.changed.length, result.changedCount)}
            </p>
          )}
        </>
      )}
      {isActive ? null : isCurrent ? (
        <div className="iw-routing-activate">
          <p className="iw-muted" id={`${headingId}-activate`}>
            {s.activateHint}
          </p>
          <Button
            isLoading={isActivating}
            aria-describedby={`${headingId}-activate`}
            onClick={onActivate}
          >
            {s.activate}
          </Button>
        </div>
      ) : (
        <Alert tone="info" title={s.stale} />
      )}
    </section>
  );
}
