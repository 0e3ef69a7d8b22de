import { config } from "zod/v4/core";

/**
 * zod probes for `new Function` to compile fast parsers; under the site's CSP (no 'unsafe-eval')
 * that probe is a reported violation. The interpreted parser is fast enough for forms. The probe
 * runs at the first parse, not when schemas are built, so every module that parses with zod
 * imports this file first; keeping it out of main.tsx keeps zod out of the entry chunk.
 */
config({ jitless: true });
