// Plain values, apart from the zod schemas built on them: the package has no side effects, so
// the public site's page chunks import these without pulling in zod (see its bundle budget).

export const OBJECT_CATEGORIES = [
  "clothing",
  "logo_or_text",
  "packaging",
  "furniture_or_decor",
  "textile_or_pattern",
  "toy",
  "printed_matter",
  "location_or_view",
  "other",
] as const;

/** What the public may see of an object's state: never "withdrawn", never the internal steps. */
export const PUBLIC_OBJECT_STATUSES = ["open", "origin_found"] as const;

/** `TOA-` and six Crockford base32 symbols (30 random bits): short to read out, not enumerable. */
export const OBJECT_REF_PATTERN = /^TOA-[0-9A-HJKMNP-TV-Z]{6}$/;
