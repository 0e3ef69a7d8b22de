import { TIP_SORTS, TRIAGE_STATUSES } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, Select, TextInput } from "@trace/ui/field";
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useMessages, useFormat, type Messages } from "../../i18n";
import {
  draftFromQuery,
  EMPTY_INBOX_QUERY,
  queryFromDraft,
  type InboxFilterDraft,
  type InboxQuery,
} from "./inbox-search";
import { FILTER_LANGUAGES } from "./languages";

const statusOptions = (m: Messages) =>
  TRIAGE_STATUSES.map((s) => ({
    value: s,
    label: m.labels.triageStatus[s](),
  }));
const sortOptions = (m: Messages) =>
  TIP_SORTS.map((s) => ({ value: s, label: m.labels.sort[s]() }))
    // Priority first: it is the default and the order triage works in.
    .sort((a, b) => Number(b.value === "priority") - Number(a.value === "priority"));

interface FiltersFormProps {
  query: InboxQuery;
  onApply: (query: InboxQuery) => void;
}

/**
 * Edits a draft and applies it on submit, so a keyboard user can set several filters before the
 * table reloads. The draft follows the URL when it changes by other means (back button, link).
 */
export function FiltersForm({ query, onApply }: FiltersFormProps) {
  const m = useMessages();
  const format = useFormat();
  const countryOptions = useMemo(() => format.countryOptions(), [format]);
  const headingId = useId();
  const objectRefInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(() => draftFromQuery(query));
  const [draftOf, setDraftOf] = useState(query);
  const [objectRefError, setObjectRefError] = useState<string | undefined>();
  if (draftOf !== query) {
    setDraftOf(query);
    setDraft(draftFromQuery(query));
    setObjectRefError(undefined);
  }

  // A language from a bookmark that the usual list lacks is still offered, so the select shows it.
  const languageOptions = useMemo(() => {
    const codes: string[] = [...FILTER_LANGUAGES];
    if (query.language && !codes.includes(query.language)) codes.push(query.language);
    return format.languageOptions(codes);
  }, [format, query.language]);

  const set = (key: keyof InboxFilterDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = queryFromDraft(draft);
    if (!result.ok) {
      setObjectRefError(m.inbox.objectRefInvalid());
      objectRefInput.current?.focus();
      return;
    }
    setObjectRefError(undefined);
    // The filters narrow the queue and search being viewed; they do not leave them.
    onApply({ ...result.query, queue: query.queue, search: query.search });
  }

  function onClear() {
    setDraft(draftFromQuery(EMPTY_INBOX_QUERY));
    setObjectRefError(undefined);
    onApply(EMPTY_INBOX_QUERY);
  }

  return (
    <form aria-labelledby={headingId} noValidate onSubmit={onSubmit} className="iw-filters">
      <h2 id={headingId} className="iw-filters__heading">
        {m.inbox.filters()}
      </h2>
      <div className="iw-filters__grid">
        <Field label={m.inbox.status()}>
          {(props) => (
            <Select
              {...props}
              name="status"
              options={statusOptions(m)}
              placeholder={m.inbox.all()}
              value={draft.triageStatus}
              onChange={(e) => set("triageStatus")(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.inbox.objectRef()} hint={m.inbox.objectRefHint()} error={objectRefError}>
          {(props) => (
            <TextInput
              {...props}
              ref={objectRefInput}
              name="object"
              autoComplete="off"
              spellCheck={false}
              className="iw-mono"
              value={draft.objectRef}
              onChange={(e) => set("objectRef")(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.inbox.country()}>
          {(props) => (
            <Select
              {...props}
              name="country"
              options={countryOptions}
              placeholder={m.inbox.all()}
              value={draft.country}
              onChange={(e) => set("country")(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.inbox.language()}>
          {(props) => (
            <Select
              {...props}
              name="language"
              options={languageOptions}
              placeholder={m.inbox.all()}
              value={draft.language}
              onChange={(e) => set("language")(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.inbox.sortBy()}>
          {(props) => (
            <Select
              {...props}
              name="sort"
              options={sortOptions(m)}
              value={draft.sort}
              onChange={(e) => set("sort")(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div className="iw-filters__actions">
        <Button type="submit">{m.inbox.apply()}</Button>
        <Button variant="secondary" onClick={onClear}>
          {m.inbox.clear()}
        </Button>
      </div>
    </form>
  );
}
