import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The pages' one stylesheet, read once at start. */
export const STYLESHEET = readFileSync(join(import.meta.dirname, "basic.css"), "utf8");

/**
 * Its address names its content, so it can be cached for a year and a changed file is a new
 * address; any other name under /basic/ is not found.
 */
export const STYLESHEET_PATH = `/basic/basic.${createHash("sha256")
  .update(STYLESHEET)
  .digest("base64url")
  .slice(0, 12)}.css`;
