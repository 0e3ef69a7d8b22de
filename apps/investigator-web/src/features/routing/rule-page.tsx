import { can, IdSchema, type RoutingRule, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Card } from "@trace/ui/card";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { RuleEditor } from "./rule-editor";
import { inEvaluationOrder } from "./rule-set";
import { ActionsView, ConditionView, RuleFacts } from "./rule-view";
import { TryOnTip } from "./try-on-tip";
import { useRuleSummaries } from "./use-rule-summaries";
import { VersionHistory } from "./version-history";
import "./routing.css";

/**
 * One routing rule (`/routing/:id`) or a new one (`/routing/new`, `id` null). Coordinators get
 * the editor with "Try on a tip" and "Simulate" on the draft; analysts read the rule, try the
 * saved rules on a tip and see the history.
 */
export function RulePage({ id, user }: { id: string | null; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const canRead = can(user.role, "routing.read");
  const canManage = can(user.role, "routing.manage");
  const isId = id === null || IdSchema.safeParse(id).success;
  const rules = useQuery({
    ...trpc.routing.rules.queryOptions(),
    enabled: canRead && isId && (id !== null || canManage),
  });
  const ordered = rules.data ? inEvaluationOrder(rules.data) : [];
  const rule = id === null ? null : ordered.find((x) => x.id === id);
  const title = rule?.name ?? (id === null ? m.routing.rule.newTitle() : m.routing.list.title());
  useDocumentTitle(title);

  let body;
  if (!canRead) body = <Alert tone="warning" title={m.routing.list.forbidden()} />;
  else if (id === null && !canManage)
    body = <Alert tone="warning" title={m.routing.rule.forbiddenNew()} />;
  else if (!isId) body = <Alert tone="warning" title={m.routing.rule.notFound()} />;
  else if (rules.isPending) body = <Spinner label={m.routing.rule.loading()} isLabelVisible />;
  else if (rules.isError)
    body = <ErrorAlert title={m.routing.rule.loadError()} error={rules.error} />;
  else if (rule === undefined) body = <Alert tone="warning" title={m.routing.rule.notFound()} />;
  else if (canManage)
    // Keyed by rule, so going from one rule to another starts a fresh draft.
    body = <RuleEditor key={rule?.id ?? "new"} saved={ordered} rule={rule} />;
  else if (rule !== null) body = <RuleReadOnly rule={rule} saved={ordered} />;
  else body = <Alert tone="warning" title={m.routing.rule.forbiddenNew()} />;

  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href="/routing">
          <span aria-hidden="true">← </span>
          {m.routing.rule.backToList()}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {body}
    </Container>
  );
}

function RuleReadOnly({ rule, saved }: { rule: RoutingRule; saved: readonly RoutingRule[] }) {
  const m = useMessages();
  const summaries = useRuleSummaries();
  const tipId = new URLSearchParams(useSearch()).get("tip") ?? "";
  return (
    <div className="iw-stack">
      <RuleFacts rule={rule} saved={saved} />
      <p className="iw-muted">{m.routing.rule.readOnly()}</p>
      <Card as="section" heading={m.routing.rule.details()} headingLevel={2}>
        <dl className="iw-dl">
          <div>
            <dt>{m.routing.rule.condition()}</dt>
            <dd>
              <ConditionView condition={rule.condition} summaries={summaries} />
            </dd>
          </div>
          <div>
            <dt>{m.routing.rule.actions()}</dt>
            <dd>
              <ActionsView actions={rule.actions} summaries={summaries} />
            </dd>
          </div>
        </dl>
      </Card>
      <TryOnTip initialTipId={tipId} currentRuleId={rule.id} />
      <VersionHistory ruleId={rule.id} summaries={summaries} />
    </div>
  );
}
