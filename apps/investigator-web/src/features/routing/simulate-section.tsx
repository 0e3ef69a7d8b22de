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
import { useFormat, useMessages, type Messages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { dayRange, type DraftRuleSetEntry } from "./rule-set";

type Mode = "last" | "range";
type DecisionSummary = SimulationView["changed"][number]["before"];

/** "BE-FEDPOL, FR-PN; priority high; human review", or "No referral". */
function decisionText(m: Messages, d: DecisionSummary): string {
  return [
    d.agencies.length === 0
      ? m.routing.simulate.decisionNone()
      : d.agencies.map((a) => a.name).join(", "),
    d.priority &&
      m.routing.simulate.decisionPriority({ priority: m.routing.inline.priority[d.priority]() }),
    d.requiresReview && m.routing.simulate.decisionReview(),
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
  const m = useMessages();
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
      setErrors({ draft: m.routing.simulate.draftInvalid() });
      return;
    }
    if (mode === "last") {
      const lastTips = Number(count);
      if (!/^\d+$/.test(count.trim()) || lastTips < 1 || lastTips > 100_000) {
        setErrors({ count: m.routing.simulate.invalidCount() });
        return;
      }
      setErrors({});
      simulate.mutate({ rules, lastTips });
    } else {
      const range = dayRange(from, to);
      if (range === null || (range.from && range.to && range.from > range.to)) {
        setErrors({ range: m.routing.simulate.invalidRange() });
        return;
      }
      if (range.from === undefined && range.to === undefined) {
        setErrors({ range: m.routing.simulate.emptyRange() });
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
    <Card as="section" heading={m.routing.simulate.heading()} headingLevel={2}>
      <p className="iw-muted">{m.routing.simulate.intro()}</p>
      <form noValidate onSubmit={submit} className="iw-routing-form">
        <RadioGroup
          legend={m.routing.simulate.which()}
          name="simulation-tips"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          options={[
            { value: "last", label: m.routing.simulate.lastTips() },
            { value: "range", label: m.routing.simulate.range() },
          ]}
        />
        {mode === "last" ? (
          <Field
            label={m.routing.simulate.count()}
            hint={m.routing.simulate.countHint()}
            error={errors.count}
          >
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
            <legend className="t-fieldset__legend">{m.routing.simulate.dates()}</legend>
            <div className="t-field__hint">{m.routing.simulate.rangeHint()}</div>
            {errors.range && <p className="t-field__error">{errors.range}</p>}
            <div className="iw-routing-range">
              <Field label={m.routing.simulate.from()}>
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
              <Field label={m.routing.simulate.to()}>
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
            {m.routing.simulate.run()}
          </Button>
        </div>
      </form>
      {simulate.isError && (
        <ErrorAlert title={m.routing.simulate.failed()} error={simulate.error} live />
      )}
      {/* Always present, so screen readers announce the outcome when it arrives. */}
      <p role="status" className="iw-routing-live">
        {simulate.isPending
          ? m.routing.simulate.running()
          : result
            ? m.routing.simulate.status({ total: result.total, changed: result.changedCount })
            : ""}
      </p>
      {simulate.isPending && <Spinner label={m.routing.simulate.running()} />}
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
  const m = useMessages();
  const format = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="iw-routing-result">
      <h3 id={headingId}>{m.routing.simulate.results()}</h3>
      <DataTable
        caption={m.routing.simulate.perAgency()}
        rows={result.perAgency}
        getRowKey={(row) => row.id}
        emptyMessage={m.routing.simulate.perAgencyEmpty()}
        columns={[
          {
            key: "agency",
            header: m.routing.simulate.agency(),
            isRowHeader: true,
            render: (row) => row.name,
          },
          {
            key: "before",
            header: m.routing.simulate.before(),
            align: "end",
            render: (row) => row.before,
          },
          {
            key: "after",
            header: m.routing.simulate.after(),
            align: "end",
            render: (row) => row.after,
          },
          {
            key: "difference",
            header: m.routing.simulate.difference(),
            align: "end",
            render: (row) => format.signedNumber(row.after - row.before),
          },
        ]}
      />
      {result.changed.length > 0 && (
        <>
          <DataTable
            caption={m.routing.simulate.changedTips()}
            rows={result.changed}
            getRowKey={(row) => row.tipId}
            columns={[
              {
                key: "tip",
                header: m.routing.simulate.tip(),
                isRowHeader: true,
                render: (row) => (
                  <Link href={`/tips/${row.tipId}`} className="iw-mono">
                    {row.tipId}
                  </Link>
                ),
              },
              {
                key: "object",
                header: m.routing.simulate.object(),
                render: (row) =>
                  row.objectRef ? (
                    <span className="iw-mono">{row.objectRef}</span>
                  ) : (
                    m.routing.simulate.noObject()
                  ),
              },
              {
                key: "before",
                header: m.routing.simulate.before(),
                render: (row) => decisionText(m, row.before),
              },
              {
                key: "after",
                header: m.routing.simulate.after(),
                render: (row) => decisionText(m, row.after),
              },
            ]}
          />
          {result.changedCount > result.changed.length && (
            <p className="iw-muted">
              {m.routing.simulate.changedTipsShown({
                shown: result.changed.length,
                total: result.changedCount,
              })}
            </p>
          )}
        </>
      )}
      {isActive ? null : isCurrent ? (
        <div className="iw-routing-activate">
          <p className="iw-muted" id={`${headingId}-activate`}>
            {m.routing.simulate.activateHint()}
          </p>
          <Button
            isLoading={isActivating}
            aria-describedby={`${headingId}-activate`}
            onClick={onActivate}
          >
            {m.routing.simulate.activate()}
          </Button>
        </div>
      ) : (
        <Alert tone="info" title={m.routing.simulate.stale()} />
      )}
    </section>
  );
}
