import type { RoutingAction, RoutingCondition, RoutingRule } from "@trace/domain";
import { Badge } from "@trace/ui/badge";
import { useMessages } from "../../i18n";
import type { RuleSummaries } from "./rule-summary";

/** A condition tree as nested lists: "All of these (and)" over its members, leaves as sentences. */
export function ConditionView({
  condition,
  summaries,
}: {
  condition: RoutingCondition;
  summaries: RuleSummaries;
}) {
  if (condition.type !== "all" && condition.type !== "any" && condition.type !== "not") {
    return <p className="iw-routing-tree__leaf">{summaries.leaf(condition)}</p>;
  }
  return (
    <ul className="iw-routing-tree">
      <ConditionItem condition={condition} summaries={summaries} />
    </ul>
  );
}

function ConditionItem({
  condition,
  summaries,
}: {
  condition: RoutingCondition;
  summaries: RuleSummaries;
}) {
  const m = useMessages();
  switch (condition.type) {
    case "all":
    case "any":
    case "not": {
      const members = condition.type === "not" ? [condition.condition] : condition.conditions;
      return (
        <li>
          <span className="iw-routing-tree__group">
            {m.routing.conditions.group[condition.type]()}
          </span>
          <ul className="iw-routing-tree">
            {members.map((member, index) => (
              <ConditionItem key={index} condition={member} summaries={summaries} />
            ))}
          </ul>
        </li>
      );
    }
    default:
      return <li>{summaries.leaf(condition)}</li>;
  }
}

export function ActionsView({
  actions,
  summaries,
}: {
  actions: readonly RoutingAction[];
  summaries: RuleSummaries;
}) {
  return (
    <ul className="iw-routing-tree">
      {actions.map((action, index) => (
        <li key={index}>{summaries.action(action)}</li>
      ))}
    </ul>
  );
}

/** Position, state and version of a saved rule, under its name. */
export function RuleFacts({ rule, saved }: { rule: RoutingRule; saved: readonly RoutingRule[] }) {
  const m = useMessages();
  return (
    <dl className="iw-summary">
      <div>
        <dt>{m.routing.rule.position()}</dt>
        <dd>
          {m.routing.rule.positionOf({ position: saved.indexOf(rule) + 1, total: saved.length })}
        </dd>
      </div>
      <div>
        <dt>{m.routing.rule.state()}</dt>
        <dd>
          <Badge tone={rule.isEnabled ? "success" : "neutral"}>
            {rule.isEnabled ? m.routing.state.enabled() : m.routing.state.disabled()}
          </Badge>
        </dd>
      </div>
      <div>
        <dt>{m.routing.rule.version()}</dt>
        <dd>{rule.version}</dd>
      </div>
    </dl>
  );
}
