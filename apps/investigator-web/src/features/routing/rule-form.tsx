import type { RoutingRuleDraft } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { ErrorSummary } from "@trace/ui/error-summary";
import { Checkbox, Field, TextInput } from "@trace/ui/field";
import type { FormEvent, ReactNode } from "react";
import { useMessages } from "../../i18n";
import { ActionsEditor } from "./actions-editor";
import { ConditionEditor } from "./condition-editor";
import { pathLabel } from "./condition-tree";
import { controlId, controlOwner, FORM_CONTROL, type RuleErrors } from "./rule-errors";

/**
 * The rule's name, state, condition and actions. It edits a draft held by its parent (which
 * also tries and simulates that draft); errors come in already placed on their controls.
 */
export function RuleForm({
  draft,
  onChange,
  errors,
  summaryKey,
  submitLabel,
  isPending,
  onSubmit,
  children,
}: {
  draft: RoutingRuleDraft;
  onChange: (draft: RoutingRuleDraft) => void;
  errors: RuleErrors;
  /** Changes on each failed save, so the error summary takes focus again. */
  summaryKey: number;
  submitLabel: string;
  isPending: boolean;
  onSubmit: () => void;
  /** Messages about the last save, shown above the button. */
  children?: ReactNode;
}) {
  const m = useMessages();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const summary = [...errors].map(([control, messages]) => {
    const owner = controlOwner(control);
    const where =
      owner === null
        ? null
        : "action" in owner
          ? m.routing.actions.actionLegend({ index: owner.action + 1 })
          : owner.condition.length === 0
            ? m.routing.conditions.rootLegend()
            : m.routing.conditions.legend({ label: pathLabel(owner.condition) });
    const message = messages.join(" ");
    return {
      fieldId: controlId(control === FORM_CONTROL ? "name" : control),
      message: where === null ? message : m.routing.form.summaryItem({ where, message }),
    };
  });
  return (
    <form noValidate onSubmit={submit} className="iw-routing-form">
      <ErrorSummary
        heading={m.routing.form.errorSummary()}
        errors={summary}
        focusKey={summaryKey}
      />
      <Field
        id={controlId("name")}
        label={m.routing.form.name()}
        hint={m.routing.form.nameHint()}
        error={errors.get("name")?.join(" ")}
        isRequired
      >
        {(props) => (
          <TextInput
            {...props}
            maxLength={200}
            autoComplete="off"
            value={draft.name}
            onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Checkbox
        id={controlId("isEnabled")}
        label={m.routing.form.isEnabled()}
        hint={m.routing.form.isEnabledHint()}
        error={errors.get("isEnabled")?.join(" ")}
        checked={draft.isEnabled}
        onChange={(e) => onChange({ ...draft, isEnabled: e.currentTarget.checked })}
      />
      <ConditionEditor
        condition={draft.condition}
        errors={errors}
        onChange={(condition) => onChange({ ...draft, condition })}
      />
      <ActionsEditor
        actions={draft.actions}
        errors={errors}
        onChange={(actions) => onChange({ ...draft, actions })}
      />
      {children}
      <div>
        <Button type="submit" isLoading={isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
