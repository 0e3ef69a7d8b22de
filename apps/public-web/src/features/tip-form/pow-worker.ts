/**
 * The proof-of-work solver's Web Worker (see proof-of-work.ts): altcha-lib's worker protocol
 * with the browser's own PBKDF2 (WebCrypto). Vite emits it as a file of its own under /assets,
 * so it loads from our origin under the site's `default-src 'self'`.
 */
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { handler } from "altcha-lib/workers/shared";

handler({ deriveKey });
