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
import { useFormat, useMessages } from "../../i18n";
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
  const m = useMessages();
  const format = useFormat();
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
    if (!seriesId)
      found.push({ fieldId: "object-series", message: m.objects.form.chooseSeriesError() });
    if (!category)
      found.push({ fieldId: "object-category", message: m.objects.form.chooseCategoryError() });
    const titleText = toLocalized(title);
    const questionText = toLocalized(question);
    if (!titleText)
      found.push({ fieldId: "object-title-en", message: m.objects.form.englishRequired() });
    if (!questionText)
      found.push({ fieldId: "object-question-en", message: m.objects.form.englishRequired() });
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
        label={m.objects.form.titleIn({
          language: format.languageName(locale),
        })}
        isRequired={isEnglish}
        requiredMarker={m.objects.form.required()}
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
        label={m.objects.form.questionIn({
          language: format.languageName(locale),
        })}
        isRequired={isEnglish}
        requiredMarker={m.objects.form.required()}
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
        label={m.objects.form.regionHintIn({
          language: format.languageName(locale),
        })}
        hint={isEnglish ? m.objects.form.regionHintHint() : undefined}
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
        <ErrorSummary
          heading={m.objects.form.errorSummary()}
          errors={errors}
          focusKey={errors.length}
        />
      )}
      <Field
        id="object-series"
        label={m.objects.form.series()}
        isRequired
        requiredMarker={m.objects.form.required()}
        error={errorFor("object-series")}
      >
        {(props) => (
          <Select
            {...props}
            value={seriesId}
            onChange={(e) => setSeriesId(e.target.value)}
            placeholder={m.objects.form.chooseSeries()}
            options={(series.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.code} — ${s.title}`,
            }))}
          />
        )}
      </Field>
      <Field
        id="object-category"
        label={m.objects.form.category()}
        isRequired
        requiredMarker={m.objects.form.required()}
        error={errorFor("object-category")}
      >
        {(props) => (
          <Select
            {...props}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            placeholder={m.objects.form.chooseCategory()}
            options={OBJECT_CATEGORIES.map((c) => ({
              value: c,
              label: m.labels.objectCategory[c](),
            }))}
          />
        )}
      </Field>
      {textFields("en", true)}
      <details>
        <summary>{m.objects.form.otherLanguages()}</summary>
        {OTHER_LOCALES.map((locale) => (
          <fieldset key={locale}>
            <legend>{format.languageName(locale)}</legend>
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
