import { TIP_SEARCH_MAX_LENGTH } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, TextInput } from "@trace/ui/field";
import { useRef, useState, type FormEvent } from "react";
import { useMessages } from "../../i18n";
import { parseSearch, withSearch, type InboxQuery } from "./inbox-search";

interface SearchFormProps {
  query: InboxQuery;
  onApply: (query: InboxQuery) => void;
}

/**
 * The inbox's full-text search, submitted on Enter or with its button (not as one types: each
 * search is a query over every tip, and a half-typed word finds nothing useful). It searches
 * within the queue and filters shown; the text follows the URL when it changes by other means.
 */
export function SearchForm({ query, onApply }: SearchFormProps) {
  const m = useMessages();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query.search ?? "");
  const [textOf, setTextOf] = useState(query.search);
  const [error, setError] = useState<string | undefined>();
  if (textOf !== query.search) {
    setTextOf(query.search);
    setText(query.search ?? "");
    setError(undefined);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseSearch(text);
    if (!parsed.ok) {
      setError(m.inbox.searchTooLong({ max: TIP_SEARCH_MAX_LENGTH }));
      input.current?.focus();
      return;
    }
    setError(undefined);
    onApply(withSearch(query, parsed.value));
  }

  return (
    <form
      role="search"
      aria-label={m.inbox.searchLabel()}
      noValidate
      onSubmit={onSubmit}
      className="iw-search"
    >
      <Field
        label={m.inbox.searchLabel()}
        hint={m.inbox.searchHint()}
        error={error}
        className="iw-search__field"
      >
        {(props) => (
          <TextInput
            {...props}
            ref={input}
            type="search"
            name="q"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      <Button type="submit">{m.inbox.searchSubmit()}</Button>
    </form>
  );
}
