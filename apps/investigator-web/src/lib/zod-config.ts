import { config } from "zod";

/**
 * Imported first, before any schema exists. Zod compiles object parsers with `new Function`
 * unless told not to, and its probe for that runs when a schema is created: under the staff
 * site's CSP (no 'unsafe-eval') the probe is refused and reported as a console error on every
 * page. Our schemas are small; the interpreted parser is plenty.
 */
config({ jitless: true });
