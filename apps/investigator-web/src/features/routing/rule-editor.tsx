import {
  RoutingRuleDraftSchema,
  type RoutingRule,
  type RoutingRuleDraft,
  type RoutingRuleVersion,
} from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { useHistoryState } from "wouter/use-browser-location";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { appCode, asStaffError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { newRuleCondition } from "./condition-tree";
import { newAction } from "./actions-editor";
import { controlId, issuesFromServer, ruleErrors, type DraftIssue } from "./rule-errors";
import { RuleForm } from "./rule-form";
import { RuleFacts } from "./rule-view";
import { draftRuleSet, stableKey } from "./rule-set";
import { SimulateSection } from "./simulate-section";
import { TryOnTip } from "./try-on-tip";
import { useRuleSummaries } from "./use-rule-summaries";
import { VersionHistory } from "./version-history";

/** What a rule page was opened with after creating the rule (history state, re-checked). */
type CreatedNotice = "created" | "created_active";

function createdNotice(state: unknown): CreatedNotice | null {
  if (typeof state !== "object" || state === null || !("routingNotice" in state)) return null;
  const notice = state.routingNotice;
  return notice === "created" || notice === "created_active" ? notice : null;
}

const contentOf = (rule: RoutingRule | RoutingRuleVersion): RoutingRuleDraft => ({
  name: rule.name,
  isEnabled: rule.isEnabled,
  condition: rule.condition,
  actions: rule.actions,
});

/** A new rule starts disabled: it routes nothing until it has been tried and activated. */
const emptyDraft = (): RoutingRuleDraft => ({
  name: "",
  isEnabled: false,
  condition: newRuleCondition(),
  actions: [newAction("refer")],
});

function draftIssues(draft: RoutingRuleDraft): DraftIssue[] {
  const result = RoutingRuleDraftSchema.safeParse(draft);
  return result.success ? [] : result.error.issues;
}

/**
 * A coordinator's editor for one rule: the form, "Try on a tip" and "Simulate" on the draft as
 * it stands, and the version history. Saving an existing rule sends the version the editor
 * started from; if someone saved in between, the API refuses and the user reloads.
 */
export function RuleEditor({
  saved,
  rule,
}: {
  /** Every saved rule, in evaluation order. */
  saved: readonly RoutingRule[];
  /** The rule being edited; null for a new one. */
  rule: RoutingRule | null;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const summaries = useRuleSummaries();
  const tipId = new URLSearchParams(useSearch()).get("tip") ?? "";
  const arrivedWith = createdNotice(useHistoryState<unknown>());

  const [draft, setDraft] = useState<RoutingRuleDraft>(() =>
    rule ? contentOf(rule) : emptyDraft(),
  );
  const [baseVersion, setBaseVersion] = useState(rule?.version ?? 1);
  // Errors show inline once the user has tried to save, try or simulate; the summary (which
  // takes focus) only after a save.
  const [showErrors, setShowErrors] = useState(false);
  const [summaryKey, setSummaryKey] = useState(0);
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);
  // Where the last save was asked for: its outcome is shown there.
  const [saveOrigin, setSaveOrigin] = useState<"form" | "activate">("form");
  const [notice, setNotice] = useState(
    arrivedWith === "created_active"
      ? m.routing.simulate.createdActive()
      : arrivedWith === "created"
        ? m.routing.form.created()
        : "",
  );

  const errors = useMemo(
    () =>
      ruleErrors([...(showErrors ? draftIssues(draft) : []), ...serverIssues], draft, (text) =>
        m.routing.summary.quoted({ text }),
      ),
    [m, draft, showErrors, serverIssues],
  );

  const change = (next: RoutingRuleDraft) => {
    setDraft(next);
    setServerIssues([]);
    setNotice("");
  };

  const rulesKey = trpc.routing.rules.queryKey();
  const create = useMutation(trpc.routing.create.mutationOptions());
  const update = useMutation(trpc.routing.update.mutationOptions());
  const saving = rule ? update : create;

  const onSaveError = (error: unknown) => {
    const fieldErrors = asStaffError(error)?.data?.fieldErrors;
    if (fieldErrors && fieldErrors.length > 0) {
      setServerIssues(issuesFromServer(fieldErrors));
      setShowErrors(true);
      setSummaryKey((k) => k + 1);
    }
  };

  const save = (activate: boolean) => {
    setSaveOrigin(activate ? "activate" : "form");
    const parsed = RoutingRuleDraftSchema.safeParse(
      activate ? { ...draft, isEnabled: true } : draft,
    );
    if (!parsed.success) {
      setShowErrors(true);
      setSummaryKey((k) => k + 1);
      return;
    }
    setNotice("");
    setServerIssues([]);
    if (rule === null) {
      create.mutate(parsed.data, {
        onSuccess: (created) => {
          void queryClient.invalidateQueries({ queryKey: rulesKey });
          const routingNotice: CreatedNotice = activate ? "created_active" : "created";
          navigate(`/routing/${created.id}`, { replace: true, state: { routingNotice } });
        },
        onError: onSaveError,
      });
      return;
    }
    update.mutate(
      { id: rule.id, expectedVersion: baseVersion, ...parsed.data },
      {
        onSuccess: (next) => {
          queryClient.setQueryData(rulesKey, (old) =>
            old?.map((r) => (r.id === next.id ? next : r)),
          );
          void queryClient.invalidateQueries({
            queryKey: trpc.routing.versions.queryKey({ id: next.id }),
          });
          setDraft(contentOf(next));
          setBaseVersion(next.version);
          setShowErrors(false);
          setNotice(
            activate
              ? m.routing.simulate.activated({ version: next.version })
              : m.routing.form.saved({ version: next.version }),
          );
        },
        onError: onSaveError,
      },
    );
  };

  const reload = async () => {
    if (!rule) return;
    const fresh = await queryClient.fetchQuery({
      ...trpc.routing.rules.queryOptions(),
      staleTime: 0,
    });
    void queryClient.invalidateQueries({
      queryKey: trpc.routing.versions.queryKey({ id: rule.id }),
    });
    const latest = fresh.find((r) => r.id === rule.id);
    if (!latest) return;
    update.reset();
    change(contentOf(latest));
    setBaseVersion(latest.version);
    setNotice(m.routing.form.reloaded());
    document.getElementById(controlId("name"))?.focus();
  };

  /** The rule set with the draft in place, for trying and simulating; null if the draft is invalid. */
  const prepareRules = (enable: boolean) => () => {
    const parsed = RoutingRuleDraftSchema.safeParse(enable ? { ...draft, isEnabled: true } : draft);
    if (!parsed.success) {
      setShowErrors(true);
      return null;
    }
    return draftRuleSet(saved, parsed.data, rule?.id ?? null);
  };

  const copyVersion = (version: RoutingRuleVersion) => {
    change(contentOf(version));
    setNotice(m.routing.versions.copied({ version: version.version }));
    document.getElementById(controlId("name"))?.focus();
  };

  // What "Simulate" runs and "Save and activate" saves: the draft, enabled.
  const draftKey = useMemo(() => {
    const parsed = RoutingRuleDraftSchema.safeParse({ ...draft, isEnabled: true });
    return stableKey(parsed.success ? parsed.data : draft);
  }, [draft]);
  const isActive =
    rule !== null &&
    rule.isEnabled &&
    stableKey({ ...contentOf(rule), isEnabled: true }) === draftKey;

  const isConflict = appCode(update.error) === "routing_rule_changed";
  const hasFieldErrors = (asStaffError(saving.error)?.data?.fieldErrors?.length ?? 0) > 0;
  const feedback = (
    <>
      {isConflict ? (
        <Alert tone="warning" live title={m.routing.form.changedMeanwhile()}>
          <Button variant="secondary" onClick={() => void reload()}>
            {m.routing.form.reload()}
          </Button>
        </Alert>
      ) : (
        saving.isError &&
        !hasFieldErrors && (
          <ErrorAlert title={m.routing.form.saveFailed()} error={saving.error} live />
        )
      )}
      <p role="status" className="iw-routing-notice">
        {notice}
      </p>
    </>
  );
  return (
    <div className="iw-stack">
      {rule && <RuleFacts rule={rule} saved={saved} />}
      <Card
        as="section"
        heading={rule ? m.routing.form.editHeading() : m.routing.form.newHeading()}
        headingLevel={2}
      >
        <RuleForm
          draft={draft}
          onChange={change}
          errors={errors}
          summaryKey={summaryKey}
          submitLabel={rule ? m.routing.form.save() : m.routing.form.create()}
          isPending={saving.isPending && saveOrigin === "form"}
          onSubmit={() => save(false)}
        >
          {saveOrigin === "form" && feedback}
        </RuleForm>
      </Card>
      <TryOnTip
        initialTipId={tipId}
        // Tried as it will run once activated: a new rule starts disabled.
        prepareRules={prepareRules(true)}
        // The API names an unsaved rule of a draft set by its place in the list.
        currentRuleId={rule?.id ?? `draft-${saved.length + 1}`}
      />
      <SimulateSection
        prepareRules={prepareRules(true)}
        draftKey={draftKey}
        isActive={isActive}
        onActivate={() => save(true)}
        isActivating={saving.isPending && saveOrigin === "activate"}
        feedback={saveOrigin === "activate" ? feedback : null}
      />
      {rule && <VersionHistory ruleId={rule.id} summaries={summaries} onCopy={copyVersion} />}
    </div>
  );
}
