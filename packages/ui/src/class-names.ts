/** Joins class names, skipping falsy ones. Internal: not an entry point (exports map only serves .tsx). */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}
