/** @jsxImportSource hono/jsx */
import {
  COUNTRY_CODES,
  type CountryCode,
  type Locale,
  type PublicImage,
  type ServedText,
} from "@trace/domain";
import type { Messages } from "./messages";

/**
 * A text served in the page's language, or its English original marked "(in English)" with
 * `lang="en"` so screen readers switch voice for it (as the site's ServedTextView does).
 */
export function Served({ text, locale, m }: { text: ServedText; locale: Locale; m: Messages }) {
  return (
    <>
      <span lang={text.locale !== locale ? text.locale : undefined}>{text.text}</span>
      {text.isFallback && <> {m.common.inEnglish()}</>}
    </>
  );
}

/**
 * A public image: its JPEG sizes for the browser to choose from (the smallest that fits), or the
 * sanitised original while the sizes are still being made.
 */
export function ObjectImage({
  image,
  locale,
  sizes,
}: {
  image: PublicImage;
  locale: Locale;
  sizes: string;
}) {
  const jpeg = image.variants.filter((v) => v.format === "jpeg");
  const fallback = jpeg.find((v) => v.width >= 640) ?? jpeg[jpeg.length - 1];
  return (
    <img
      src={fallback?.url ?? `/media/${image.id}`}
      srcset={jpeg.length > 0 ? jpeg.map((v) => `${v.url} ${v.width}w`).join(", ") : undefined}
      sizes={jpeg.length > 0 ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt.text}
      lang={image.alt.locale !== locale ? image.alt.locale : undefined}
      loading="lazy"
    />
  );
}

const countryLists = new Map<Locale, { value: CountryCode; label: string }[]>();

/** Every ISO country, named in the page's language and sorted the way that language sorts. */
export function countryOptions(locale: Locale): { value: CountryCode; label: string }[] {
  let options = countryLists.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
    countryLists.set(locale, options);
  }
  return options;
}

/** Date and time of a message. The server does not know the reader's time zone: it says UTC. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** Space-separated ids, or nothing when there are none (no empty `aria-describedby`). */
export function idList(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  rows?: number;
  inputMode?: "url" | "text";
}

/** A labelled text input or text area with its hint and error, tied by `aria-describedby`. */
export function TextField({ id, name, label, hint, error, value, rows, inputMode }: FieldProps) {
  const describedBy = idList(hint && `${id}-hint`, error && `${id}-error`);
  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": error ? ("true" as const) : undefined,
    inputmode: inputMode,
    autocomplete: "off",
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
      {rows ? (
        <textarea {...common} rows={rows} spellcheck={inputMode === "url" ? false : undefined}>
          {value}
        </textarea>
      ) : (
        <input type="text" {...common} value={value} />
      )}
    </div>
  );
}

/** The error summary at the top of a form: each problem links to the control that fixes it. */
export function ErrorSummary({
  m,
  entries,
}: {
  m: Messages;
  entries: { fieldId: string; message: string }[];
}) {
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{m.common.errorSummaryHeading()}</h2>
      <ul>
        {entries.map((entry) => (
          <li>
            <a href={`#${entry.fieldId}`}>{entry.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where to turn for abuse that is not about an object (as the site's receipt says). */
export function HotlineGuidance({ m }: { m: Messages }) {
  return (
    <section class="warning" aria-labelledby="hotline-heading">
      <h2 id="hotline-heading">{m.hotline.title()}</h2>
      <p>{m.hotline.body()}</p>
      <p>
        <strong>{m.hotline.emergency()}</strong>
      </p>
    </section>
  );
}
