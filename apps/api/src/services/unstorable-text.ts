/**
 * Characters PostgreSQL cannot store: U+0000 in text, and an unpaired UTF-16 surrogate, which a
 * JSON value reaches the database as an escape that jsonb refuses (a localized title with one
 * was a 500). Paired surrogates are one code point in a `u` regex, so only lone ones match.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for.
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Where in a raw input a string (or an object key) holds an unstorable character, if anywhere. */
export function unstorableCharacterPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableCharacterPath(item, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = UNSTORABLE.test(key)
        ? [...path, key]
        : unstorableCharacterPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
