/**
 * Keyword matching for routing: case- and accent-insensitive, on whole words.
 *
 * Both the tip's text and the keyword are normalised the same way: Unicode compatibility
 * decomposition (NFKD), combining marks removed (é → e, ç → c, ﬁ → fi), lower case, a few
 * letters that do not decompose folded by hand (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d,
 * þ → th, ı → i, ħ → h), and every run of characters that are not letters or digits turned
 * into one space. A keyword then matches when its words appear in the text as whole words, in
 * order and next to each other: "t-shirt" matches "T Shirt," but not "tshirt"; "la redoute"
 * matches "LA   REDOUTE!"; "art" does not match "article", and "shirt" does not match
 * "shirts" (list plural forms as keywords of their own). Fields are searched one by one, so a
 * phrase never spans two fields.
 *
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese)
 * have no word boundaries to respect: a keyword containing such characters matches anywhere.
 */

const FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
};
const FOLDABLE = /[ßæœøłđðþıħ]/g;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const UNSPACED_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The normalised form of a text: lower-case words without accents, separated by single spaces. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c)
    .replace(SEPARATORS, " ")
    .trim();
}

/** A text prepared once for many keyword look-ups. */
export interface SearchableText {
  /** The normalised text padded with spaces, so a phrase look-up is `includes(" a phrase ")`. */
  readonly padded: string;
  /** Its words, so that a one-word keyword (the usual case) is a set look-up. */
  readonly words: ReadonlySet<string>;
}

const EMPTY: SearchableText = { padded: " ", words: new Set() };

export function toSearchableText(text: string | null): SearchableText {
  if (text === null) return EMPTY;
  const normalized = normalizeForMatching(text);
  return normalized === ""
    ? EMPTY
    : { padded: ` ${normalized} `, words: new Set(normalized.split(" ")) };
}

/** A keyword prepared once: its normalised form and how it must be looked up. */
export interface PreparedKeyword {
  readonly keyword: string;
  /** How it is looked up; `never` when it has no letters or digits. */
  readonly kind: "word" | "phrase" | "anywhere" | "never";
  /** The word, the padded phrase, or the text to find anywhere. */
  readonly needle: string;
  /** The first word of a phrase: a cheap test before the substring search. */
  readonly firstWord: string;
}

export function prepareKeyword(keyword: string): PreparedKeyword {
  const normalized = normalizeForMatching(keyword);
  if (normalized === "") return { keyword, kind: "never", needle: "", firstWord: "" };
  if (UNSPACED_SCRIPTS.test(normalized)) {
    return { keyword, kind: "anywhere", needle: normalized, firstWord: "" };
  }
  const space = normalized.indexOf(" ");
  return space === -1
    ? { keyword, kind: "word", needle: normalized, firstWord: normalized }
    : { keyword, kind: "phrase", needle: ` ${normalized} `, firstWord: normalized.slice(0, space) };
}

export function containsKeyword(text: SearchableText, keyword: PreparedKeyword): boolean {
  switch (keyword.kind) {
    case "word":
      return text.words.has(keyword.needle);
    case "phrase":
      return text.words.has(keyword.firstWord) && text.padded.includes(keyword.needle);
    case "anywhere":
      return text.padded.includes(keyword.needle);
    case "never":
      return false;
  }
}

/** True when a keyword can ever match: it has at least one letter or digit. */
export function isMatchableKeyword(keyword: string): boolean {
  return normalizeForMatching(keyword) !== "";
}
