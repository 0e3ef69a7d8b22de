import {
  COUNTRY_CONFIDENCES,
  OBJECT_CATEGORIES,
  TIP_CONFIDENCES,
  type ConditionField,
  type LeafCondition,
} from "@trace/domain";
import { Field, Select } from "@trace/ui/field";
import { useMessages, useFormat, type Messages } from "../../i18n";
import { FILTER_LANGUAGES } from "../inbox/languages";
import { definitionOf } from "./condition-tree";
import { ChosenList, CheckboxList, LinesInput } from "./list-inputs";
import { controlId, type RuleErrors } from "./rule-errors";

const categoryOptions = (m: Messages) =>
  OBJECT_CATEGORIES.map((c) => ({
    value: c,
    label: m.labels.objectCategory[c](),
  }));
// Lowest first, as the scale is read: "at least …".
const tipConfidenceOptions = (m: Messages) =>
  [...TIP_CONFIDENCES].reverse().map((c) => ({ value: c, label: m.labels.confidence[c]() }));
const countryConfidenceOptions = (m: Messages) =>
  COUNTRY_CONFIDENCES.map((c) => ({
    value: c,
    label: m.cases.labels.confidence[c](),
  }));

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The fields of one leaf condition, as its registered definition lists them: each field's kind
 * picks the input, its label and hint come from the definition. A new condition type whose
 * fields use these kinds needs no change here.
 */
export function LeafFields({
  leaf,
  at,
  errors,
  onChange,
}: {
  leaf: LeafCondition;
  /** The leaf's dotted path in the draft, e.g. "condition.conditions.0". */
  at: string;
  errors: RuleErrors;
  onChange: (leaf: LeafCondition) => void;
}) {
  const definition = definitionOf(leaf.type);
  if (!definition) return null;
  const values = leaf as unknown as Record<string, unknown>;
  const set = (name: string, value: unknown) =>
    // The field belongs to this leaf's definition, so the result keeps the leaf's shape.
    onChange({ ...values, [name]: value } as unknown as LeafCondition);
  return (
    <div className="iw-routing-leaf">
      {definition.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name]}
          control={`${at}.${field.name}`}
          error={errors.get(`${at}.${field.name}`)?.join(" ")}
          onChange={(value) => set(field.name, value)}
        />
      ))}
    </div>
  );
}

function FieldInput({
  field,
  value,
  control,
  error,
  onChange,
}: {
  field: ConditionField;
  value: unknown;
  control: string;
  error: string | undefined;
  onChange: (value: unknown) => void;
}) {
  const m = useMessages();
  const format = useFormat();
  const id = controlId(control);
  switch (field.kind) {
    case "countries":
      return (
        <ChosenList
          id={id}
          legend={field.label}
          hint={field.hint}
          error={error}
          chosen={asList(value)}
          options={format.countryOptions()}
          nameOf={format.countryName}
          selectLabel={m.routing.fields.countryToAdd()}
          placeholder={m.routing.fields.chooseCountry()}
          addLabel={m.routing.fields.addCountry()}
          onChange={onChange}
        />
      );
    case "languages": {
      const chosen = asList(value);
      // A language a stored rule names but the usual list lacks is still shown and removable.
      const options = format.languageOptions([
        ...FILTER_LANGUAGES,
        ...chosen.filter((c) => !FILTER_LANGUAGES.includes(c)),
      ]);
      return (
        <ChosenList
          id={id}
          legend={field.label}
          hint={field.hint}
          error={error}
          chosen={chosen}
          options={options}
          nameOf={format.languageName}
          selectLabel={m.routing.fields.languageToAdd()}
          placeholder={m.routing.fields.chooseLanguage()}
          addLabel={m.routing.fields.addLanguage()}
          onChange={onChange}
        />
      );
    }
    case "categories":
      return (
        <CheckboxList
          id={id}
          legend={field.label}
          hint={field.hint}
          error={error}
          chosen={asList(value)}
          options={categoryOptions(m)}
          onChange={onChange}
        />
      );
    case "keywords":
    case "object_refs":
      return (
        <LinesInput
          id={id}
          label={field.label}
          hint={field.hint}
          error={error}
          value={asList(value)}
          isMonospace={field.kind === "object_refs"}
          onChange={onChange}
        />
      );
    case "tip_confidence":
    case "country_confidence":
      return (
        <Field id={id} label={field.label} hint={field.hint} error={error}>
          {(props) => (
            <Select
              {...props}
              options={
                field.kind === "tip_confidence"
                  ? tipConfidenceOptions(m)
                  : countryConfidenceOptions(m)
              }
              value={typeof value === "string" ? value : ""}
              onChange={(e) => onChange(e.currentTarget.value)}
            />
          )}
        </Field>
      );
    default: {
      const unknownKind: never = field.kind;
      throw new Error(`The rule editor has no input for condition fields of kind ${unknownKind}.`);
    }
  }
}
