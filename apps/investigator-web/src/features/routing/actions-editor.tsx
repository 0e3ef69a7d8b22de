import { TIP_PRIORITIES, type RoutingAction } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, Select } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import { useEffect, useRef } from "react";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { CheckboxList, labelled } from "./list-inputs";
import { controlId, type RuleErrors } from "./rule-errors";
import { useAgencies } from "./use-rule-summaries";

const ACTION_TYPES = [
  "refer",
  "set_priority",
  "require_human_review",
] as const satisfies readonly RoutingAction["type"][];

const PRIORITY_OPTIONS = TIP_PRIORITIES.map((p) => ({ value: p, label: t.labels.priority[p] }));

/** A new action of a type; a referral starts with no agency ticked (validation asks for one). */
export function newAction(type: RoutingAction["type"]): RoutingAction {
  switch (type) {
    case "refer":
      return { type, agencyIds: [] };
    case "set_priority":
      return { type, priority: "high" };
    case "require_human_review":
      return { type };
  }
}

/** What a matching rule does: refer to agencies, set the priority, ask for a person's review. */
export function ActionsEditor({
  actions,
  errors,
  onChange,
}: {
  actions: readonly RoutingAction[];
  errors: RuleErrors;
  onChange: (actions: RoutingAction[]) => void;
}) {
  const a = t.routing.actions;
  const agencies = useAgencies();
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const replace = (index: number, action: RoutingAction) =>
    onChange(actions.map((x, i) => (i === index ? action : x)));
  const add = () => {
    focusNext.current = controlId(`actions.${actions.length}.type`);
    onChange([...actions, newAction("refer")]);
  };
  const remove = (index: number) => {
    focusNext.current = controlId("actions");
    onChange(actions.filter((_, i) => i !== index));
  };

  // Agencies a stored rule names that are no longer listed stay visible, so they can be unticked.
  const agencyOptions = (chosen: readonly string[]) => {
    const listed = (agencies.data ?? []).map((x) => ({
      value: x.id,
      label: `${x.code} — ${x.name}`,
    }));
    const missing = chosen
      .filter((id) => !listed.some((o) => o.value === id))
      .map((id) => ({ value: id, label: id }));
    return [...listed, ...missing];
  };

  const listError = errors.get("actions")?.join(" ");
  return (
    <fieldset className="iw-routing-node iw-routing-actions">
      <legend className="iw-routing-node__legend">{a.legend}</legend>
      {actions.length > 0 && (
        <ol className="iw-routing-group__members">
          {actions.map((action, index) => {
            const at = `actions.${index}`;
            return (
              // Actions have no ids of their own; their place is what the form edits.
              <li key={index}>
                <fieldset className="iw-routing-node iw-routing-node--leaf">
                  <legend className="iw-routing-node__legend">{a.actionLegend(index + 1)}</legend>
                  <Field
                    id={controlId(`${at}.type`)}
                    label={a.type}
                    error={errors.get(`${at}.type`)?.join(" ")}
                  >
                    {(props) => (
                      <Select
                        {...props}
                        value={action.type}
                        options={ACTION_TYPES.map((type) => ({
                          value: type,
                          label: a.types[type],
                        }))}
                        onChange={(e) =>
                          replace(index, newAction(e.currentTarget.value as RoutingAction["type"]))
                        }
                      />
                    )}
                  </Field>
                  {action.type === "refer" &&
                    (agencies.isPending ? (
                      <Spinner label={a.agenciesLoading} isLabelVisible />
                    ) : agencies.isError ? (
                      <ErrorAlert title={a.agenciesError} error={agencies.error} />
                    ) : (
                      <CheckboxList
                        id={controlId(`${at}.agencyIds`)}
                        legend={a.agencies}
                        hint={a.agenciesHint}
                        error={errors.get(`${at}.agencyIds`)?.join(" ")}
                        chosen={action.agencyIds}
                        options={agencyOptions(action.agencyIds)}
                        onChange={(agencyIds) => replace(index, { ...action, agencyIds })}
                      />
                    ))}
                  {action.type === "set_priority" && (
                    <Field
                      id={controlId(`${at}.priority`)}
                      label={a.priority}
                      hint={a.priorityHint}
                      error={errors.get(`${at}.priority`)?.join(" ")}
                    >
                      {(props) => (
                        <Select
                          {...props}
                          value={action.priority}
                          options={PRIORITY_OPTIONS}
                          onChange={(e) =>
                            replace(index, {
                              ...action,
                              priority: e.currentTarget.value as typeof action.priority,
                            })
                          }
                        />
                      )}
                    </Field>
                  )}
                  {action.type === "require_human_review" && (
                    <p className="iw-muted">{a.reviewNote}</p>
                  )}
                  <div className="iw-routing-node__remove">
                    <Button
                      variant="quiet"
                      size="small"
                      onClick={() => remove(index)}
                      {...labelled(a.remove, a.removeWhich(index + 1))}
                    />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {listError && (
        <p id={`${controlId("actions")}-error`} className="t-field__error">
          {listError}
        </p>
      )}
      <Button
        id={controlId("actions")}
        variant="secondary"
        size="small"
        aria-describedby={listError ? `${controlId("actions")}-error` : undefined}
        onClick={add}
      >
        {a.add}
      </Button>
    </fieldset>
  );
}
