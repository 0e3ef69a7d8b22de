import { z } from "zod";

/**
 * zod probes for `new Function` to compile fast parsers; under the site's CSP (no 'unsafe-eval')
 * that probe is a reported violation on every page. The interpreted parser is fast enough for
 * forms. Imported first in main.tsx, before any schema runs.
 */
z.config({ jitless: true });
