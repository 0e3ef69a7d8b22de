import {
  LOCALES,
  OBJECT_CATEGORIES,
  type LocalizedText,
  type ObjectCategory,
  type ObjectContent,
} from "@trace/domain";
import { Button } from "@trace/ui/button";
import { ErrorSummary } from "@trace/ui/error-summary";
import { Field, Select, TextArea, TextInput } from "@trace/ui/field";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { localeNames } from "../../i18n/en-objects";
import { useTRPC } from "../../lib/trpc";

type Texts = Record<string, string>;
const OTHER_LOCALES = LOCALES.filter((l) => l !== "en");

function toTexts(text: LocalizedText | null | undefined): Texts {
  return { ...(text ?? {}) } as Texts;
}

function toLocalized(texts: Texts): LocalizedText | null {
  const entries = Object.entries(texts)
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v.length > 0);
  const out = Object.fromEntries(entries) as Partial<LocalizedText>;
  return out.en ? (out as LocalizedText) : null;
}

export interface ObjectFormProps {
  initial?: ObjectContent;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (content: ObjectContent) => void;
}

/** Series, category, and per-locale texts; English is required, other languages optional. */
export function ObjectForm({ initial, submitLabel, isPending, error, onSubmit }: ObjectFormProps) {
  const f = t.objects.form;
  const trpc = useTRPC();
  const series = useQuery(trpc.series.list.queryOptions({}));
  const [seriesId, setSeriesId] = useState(initial?.seriesId ?? "");
  const [category, setCategory] = useState<string>(initial?.category ?? "");
  const [title, setTitle] = useState<Texts>(toTexts(initial?.title));
  const [question, setQuestion] = useState<Texts>(toTexts(initial?.question));
  const [regionHint, setRegionHint] = useState<Texts>(toTexts(initial?.regionHint));
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { fieldId: string; message: string }[] = [];
    if (!seriesId) found.push({ fieldId: "object-series", message: f.chooseSeriesError });
    if (!category) found.push({ fieldId: "object-category", message: f.chooseCategoryError });
    const titleText = toLocalized(title);
    const questionText = toLocalized(question);
    if (!titleText) found.push({ fieldId: "object-title-en", message: f.englishRequired });
    if (!questionText) found.push({ fieldId: "object-question-en", message: f.englishRequired });
    setErrors(found);
    if (found.length || !titleText || !questionText) return;
    onSubmit({
      seriesId,
      category: category as ObjectCategory,
      title: titleText,
      question: questionText,
      regionHint: toLocalized(regionHint),
    });
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  const textFields = (locale: string, isEnglish: boolean) => (
    <>
      <Field
        id={`object-title-${locale}`}
        label={f.titleIn(localeNames[locale as keyof typeof localeNames])}
        isRequired={isEnglish}
        requiredMarker={f.required}
        error={errorFor(`object-title-${locale}`)}
      >
        {(props) => (
          <TextInput
            {...props}
            maxLength={500}
            value={title[locale] ?? ""}
            onChange={(e) => setTitle({ ...title, [locale]: e.target.value })}
          />
        )}
      </Field>
      <Field
        id={`object-question-${locale}`}
        label={f.questionIn(localeNames[locale as keyof typeof localeNames])}
        isRequired={isEnglish}
        requiredMarker={f.required}
        error={errorFor(`object-question-${locale}`)}
      >
        {(props) => (
          <TextArea
            {...props}
            rows={2}
            maxLength={500}
            value={question[locale] ?? ""}
            onChange={(e) => setQuestion({ ...question, [locale]: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={f.regionHintIn(localeNames[locale as keyof typeof localeNames])}
        hint={isEnglish ? f.regionHintHint : undefined}
      >
        {(props) => (
          <TextInput
            {...props}
            maxLength={500}
            value={regionHint[locale] ?? ""}
            onChange={(e) => setRegionHint({ ...regionHint, [locale]: e.target.value })}
          />
        )}
      </Field>
    </>
  );

  return (
    <form onSubmit={submit} noValidate className="iw-form">
      {errors.length > 0 && (
        <ErrorSummary heading={f.errorSummary} errors={errors} focusKey={errors.length} />
      )}
      <Field
        id="object-series"
        label={f.series}
        isRequired
        requiredMarker={f.required}
        error={errorFor("object-series")}
      >
        {(props) => (
          <Select
            {...props}
            value={seriesId}
            onChange={(e) => setSeriesId(e.target.value)}
            placeholder={f.chooseSeries}
            options={(series.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.code} — ${s.title}`,
            }))}
          />
        )}
      </Field>
      <Field
        id="object-category"
        label={f.category}
        isRequired
        requiredMarker={f.required}
        error={errorFor("object-category")}
      >
        {(props) => (
          <Select
            {...props}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            placeholder={f.chooseCategory}
            options={OBJECT_CATEGORIES.map((c) => ({
              value: c,
              label: t.labels.objectCategory[c],
            }))}
          />
        )}
      </Field>
      {textFields("en", true)}
      <details>
        <summary>{f.otherLanguages}</summary>
        {OTHER_LOCALES.map((locale) => (
          <fieldset key={locale}>
            <legend>{localeNames[locale]}</legend>
            {textFields(locale, false)}
          </fieldset>
        ))}
      </details>
      {error != null && <ErrorAlert title={(error as Error).message} error={error} />}
      <Button type="submit" isLoading={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
