import { TIP_PRIORITIES, type RoutingAction } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, Select } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import { useEffect, useRef } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, type Messages } from "../../i18n";
import { CheckboxList, labelled } from "./list-inputs";
import { controlId, type RuleErrors } from "./rule-errors";
import { useAgencies } from "./use-rule-summaries";

const ACTION_TYPES = [
  "refer",
  "set_priority",
  "require_human_review",
] as const satisfies readonly RoutingAction["type"][];

const priorityOptions = (m: Messages) =>
  TIP_PRIORITIES.map((p) => ({ value: p, label: m.labels.priority[p]() }));

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
  const m = useMessages();
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
      <legend className="iw-routing-node__legend">{m.routing.actions.legend()}</legend>
      {actions.length > 0 && (
        <ol className="iw-routing-group__members">
          {actions.map((action, index) => {
            const at = `actions.${index}`;
            return (
              // Actions have no ids of their own; their place is what the form edits.
              <li key={index}>
                <fieldset className="iw-routing-node iw-routing-node--leaf">
                  <legend className="iw-routing-node__legend">
                    {m.routing.actions.actionLegend({ index: index + 1 })}
                  </legend>
                  <Field
                    id={controlId(`${at}.type`)}
                    label={m.routing.actions.type()}
                    error={errors.get(`${at}.type`)?.join(" ")}
                  >
                    {(props) => (
                      <Select
                        {...props}
                        value={action.type}
                        options={ACTION_TYPES.map((type) => ({
                          value: type,
                          label: m.routing.actions.types[type](),
                        }))}
                        onChange={(e) =>
                          replace(index, newAction(e.currentTarget.value as RoutingAction["type"]))
                        }
                      />
                    )}
                  </Field>
                  {action.type === "refer" &&
                    (agencies.isPending ? (
                      <Spinner label={m.routing.actions.agenciesLoading()} isLabelVisible />
                    ) : agencies.isError ? (
                      <ErrorAlert
                        title={m.routing.actions.agenciesError()}
                        error={agencies.error}
                      />
                    ) : (
                      <CheckboxList
                        id={controlId(`${at}.agencyIds`)}
                        legend={m.routing.actions.agencies()}
                        hint={m.routing.actions.agenciesHint()}
                        error={errors.get(`${at}.agencyIds`)?.join(" ")}
                        chosen={action.agencyIds}
                        options={agencyOptions(action.agencyIds)}
                        onChange={(agencyIds) => replace(index, { ...action, agencyIds })}
                      />
                    ))}
                  {action.type === "set_priority" && (
                    <Field
                      id={controlId(`${at}.priority`)}
                      label={m.routing.actions.priority()}
                      hint={m.routing.actions.priorityHint()}
                      error={errors.get(`${at}.priority`)?.join(" ")}
                    >
                      {(props) => (
                        <Select
                          {...props}
                          value={action.priority}
                          options={priorityOptions(m)}
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
                    <p className="iw-muted">{m.routing.actions.reviewNote()}</p>
                  )}
                  <div className="iw-routing-node__remove">
                    <Button
                      variant="quiet"
                      size="small"
                      onClick={() => remove(index)}
                      {...labelled(
                        m.routing.actions.remove(),
                        m.routing.actions.removeWhich({ index: index + 1 }),
                      )}
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
        {m.routing.actions.add()}
      </Button>
    </fieldset>
  );
}
