import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { inject } from "vitest";
import type { Page } from "playwright-core";

/**
 * What the site's tip form adds to a tip (apps/api/src/abuse/submission-trust.ts): a solved
 * proof-of-work challenge, its form ticket and an empty honeypot. Tips sent through the API
 * with these are normal-trust, as the form's are; without them they wait in the low-trust queue.
 */
export async function siteSignals(): Promise<Record<string, string>> {
  const res = await fetch(`${inject("publicUrl")}/trpc/tips.challenge`);
  const body = (await res.json()) as {
    result: { data: { challenge: Challenge; formTicket: string } };
  };
  const { challenge, formTicket } = body.result.data;
  const solution = await solveChallenge({ challenge, deriveKey });
  const proofOfWork = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
  return { honeypot: "", formTicket, proofOfWork };
}

/** An open public object (of a category, if given), read from the public API as any client could. */
export async function firstOpenObject(category?: string): Promise<{ ref: string; title: string }> {
  const input = encodeURIComponent(
    JSON.stringify({ ...(category ? { category } : {}), status: "open", limit: 1 }),
  );
  const res = await fetch(`${inject("publicUrl")}/trpc/objects.list?input=${input}`);
  const body = (await res.json()) as {
    result: { data: { items: { ref: string; title: { text: string } }[] } };
  };
  const item = body.result.data.items[0];
  if (!item)
    throw new Error(`the demo data has no open object${category ? ` in ${category}` : ""}`);
  return { ref: item.ref, title: item.title.text };
}

/** Fails the test on any error the page logs (a CSP violation, a failed request, an exception). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}
