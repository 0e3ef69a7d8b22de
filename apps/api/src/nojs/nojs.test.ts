import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { DEFAULT_RETENTION_POLICY, LOCALES, TIP_LIMITS, type Locale } from "@trace/domain";
import { readFormTicket } from "../abuse/form-ticket";
import { DEFAULT_SUBMISSION_TRUST } from "../abuse/submission-trust";
import { hashReceipt } from "../services/secrets";
import { call, countRows, createHarness, loginAs, type Harness } from "../test/harness";
import { FORM_MAX_BYTES } from "./routes";
import { messagesFor } from "./messages";
import { PRIVACY_PERIODS, privacyMessagesFor } from "./privacy-page";
import { STYLESHEET_PATH } from "./stylesheet";

const engines = await createTestDatabases();

/**
 * Tight limits, so the 429 pages can be reached; every test sends from an address of its own
 * (named by the one trusted proxy's X-Forwarded-For), so the others never meet them.
 */
const LIMITS = {
  tipSubmissions: { points: 3, windowSeconds: 600 },
  receiptLookups: { points: 12, windowSeconds: 600 },
  receiptFailures: { points: 4, windowSeconds: 3600 },
};

let nextSender = 1;
const newSender = () => `198.51.100.${nextSender++}`;

/** HTML text as a browser shows it: entities decoded (the few the renderer writes). */
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

interface Page {
  status: number;
  headers: Headers;
  html: string;
  /** The text with entities decoded, to look for translated messages. */
  text: string;
}

async function answer(res: Response): Promise<Page> {
  const html = await res.text();
  return { status: res.status, headers: res.headers, html, text: decode(html) };
}

/** The value of the hidden form ticket on a page. */
const ticketOf = (page: Page) => /name="ticket" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
const sendKeyOf = (page: Page) => /name="sendKey" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
const receiptCodeOf = (page: Page) => /class="receipt-code">([^<]+)</.exec(page.html)?.[1] ?? "";

describe.each(engines)("the pages without JavaScript [$name]", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await engine.open(), {
      rateLimits: LIMITS,
      trustedProxies: 1,
      // The real minimum fill time: the form's ticket must say when it was handed out.
      submissionTrust: DEFAULT_SUBMISSION_TRUST,
    });
  });
  afterAll(() => engine.dispose());

  const get = async (path: string, from = newSender()) =>
    answer(await h.publicApp.request(path, { headers: { "X-Forwarded-For": from } }));
  const post = async (path: string, fields: Record<string, string>, from = newSender()) =>
    answer(
      await h.publicApp.request(path, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": from,
        },
        body: new URLSearchParams(fields).toString(),
      }),
    );

  /** Fetches the form (for its ticket), waits as a person would, then sends it. */
  async function sendTip(locale: Locale, fields: Record<string, string>, from = newSender()) {
    const objectRef = fields.object;
    const form = await get(`/${locale}/basic/tip${objectRef ? `?object=${objectRef}` : ""}`, from);
    h.clock.now = new Date(h.clock.now.getTime() + 30_000);
    return post(
      `/${locale}/basic/tip`,
      { ticket: ticketOf(form), sendKey: sendKeyOf(form), website: "", ...fields },
      from,
    );
  }

  /** The stored tip a receipt page's code opens. */
  const tipOf = async (page: Page) => {
    const receiptHash = hashReceipt(h.deps.receiptHashKey, receiptCodeOf(page));
    const [tip] = await h.deps.database.db
      .select()
      .from(schema.tips)
      .where(eq(schema.tips.receiptHash, receiptHash));
    if (!tip) throw new Error("no tip has the receipt code on this page");
    return tip;
  };

  describe("the tip form", () => {
    it.each(LOCALES)(
      "is served in %s, with the page's language and labelled fields",
      async (locale) => {
        const m = messagesFor(locale);
        const page = await get(`/${locale}/basic/tip`);
        expect(page.status).toBe(200);
        expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
        expect(page.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}"`));
        expect(page.text).toContain(`<h1>${m.tipForm.heading()}</h1>`);
        expect(page.text).toContain(`<label for="tip-country">${m.tipForm.country()}</label>`);
        expect(page.text).toContain(`<legend>${m.basic.answerLegend()}</legend>`);
        expect(page.text).toContain(m.basic.photosUnavailable());
        // Every language links to the same page.
        for (const other of LOCALES) expect(page.html).toContain(`href="/${other}/basic/tip"`);
        // The honeypot: out of sight and of the tab order, and labelled "leave this empty".
        expect(page.text).toMatch(
          new RegExp(
            `<div class="visually-hidden"><label for="tip-website">${m.basic.honeypot()}</label><input type="text" id="tip-website" name="website" value="" tabindex="-1" autocomplete="off"/>`,
          ),
        );
        // A ticket this server signed, issued now.
        expect(readFormTicket(h.deps.formTicketKey, ticketOf(page))).toEqual(h.clock.now);
        expect(page.headers.get("Cache-Control")).toBe("no-store");
        expect(page.headers.get("Set-Cookie")).toBeNull();
        expect(page.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
        // Nothing the CSP would block: no script at all, no inline style.
        expect(page.html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
        expect(page.html).toContain(`<link rel="stylesheet" href="${STYLESHEET_PATH}"/>`);
      },
    );

    it("shows the object a tip is about: title, question, picture and reference", async () => {
      const { published } = h.fixtures;
      const page = await get(`/fr/basic/tip?object=${published.ref}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain("Striped curtain (fr)");
      // The question has no French yet: shown in English, marked so for screen readers.
      expect(page.text).toContain(
        '<span lang="en">Where does the striped curtain come from?</span> (en anglais)',
      );
      expect(page.html).toContain(`src="/media/${published.imageId}"`);
      expect(page.html).toContain(`alt="Synthetic pattern for ${published.ref}"`);
      expect(page.html).toContain(`<input type="hidden" name="object" value="${published.ref}"/>`);
      expect(page.text).toContain(messagesFor("fr").tipForm.otherAbuse());
      expect(page.html).toContain(`href="/de/basic/tip?object=${published.ref}"`);
    });

    it.each([
      ["an unknown reference", "TOA-ZZZZZZ"],
      ["an unpublished object", "TOA-DRF001"],
      ["something that is no reference", "<script>"],
    ])("answers %s with a localised 'not found' page", async (_, ref) => {
      const m = messagesFor("de");
      const page = await get(`/de/basic/tip?object=${encodeURIComponent(ref)}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain(`<h1>${m.object.notFoundTitle()}</h1>`);
      expect(page.html).not.toContain("<form");
      expect(page.html).not.toContain("<script>");
    });

    it("says an object whose origin was found takes no more tips", async () => {
      const m = messagesFor("it");
      const page = await get(`/it/basic/tip?object=${h.fixtures.originFound.ref}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(m.object.originFoundTitle());
      expect(page.html).not.toContain("<form");
    });

    it("is not on the staff listener", async () => {
      const res = await h.staffApp.request("/en/basic/tip");
      expect(res.status).toBe(404);
    });

    it.each(["de", "pl"] as const)(
      "says what is kept just above its send button in %s, linking to the privacy page",
      async (locale) => {
        const m = messagesFor(locale);
        const page = await get(`/${locale}/basic/tip?object=${h.fixtures.published.ref}`);
        expect(page.status).toBe(200);
        // The site's own sentence (the forms catalog's), the retention period in it.
        const note = m.tipForm.privacyNote({ days: DEFAULT_RETENTION_POLICY.closedDays });
        expect(note).toContain(String(DEFAULT_RETENTION_POLICY.closedDays));
        expect(page.text).toContain(
          `<p class="hint">${note} <a href="/${locale}/basic/privacy">${m.tipForm.privacyLink()}</a></p><button type="submit">${m.tipForm.submit()}</button></form>`,
        );
        // The link leads to a page that is there, in the same language.
        const privacy = await get(`/${locale}/basic/privacy`);
        expect(privacy.status).toBe(200);
        expect(privacy.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}"`));
      },
    );
  });

  describe("the privacy page", () => {
    /** Every message of the page's catalog, formatted with the periods the page quotes. */
    const everyText = (node: unknown): string[] =>
      typeof node === "function"
        ? [(node as (v: object) => string)(PRIVACY_PERIODS)]
        : Object.values(node as object).flatMap(everyText);

    it.each(LOCALES)(
      "is served in %s from the site's privacy catalog, with its table, and no cookie or script",
      async (locale) => {
        const m = messagesFor(locale);
        const p = privacyMessagesFor(locale).privacy;
        const page = await get(`/${locale}/basic/privacy`);
        expect(page.status).toBe(200);
        expect(page.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}"`));
        expect(page.headers.get("Content-Language")).toBe(locale);
        expect(page.text).toContain(
          `<title>${m.app.documentTitle({ page: p.documentTitle() })}</title>`,
        );
        expect(page.text).toContain(`<h1>${p.heading()}</h1>`);
        // The summary table: a caption for screen readers, column and row headers.
        expect(page.text).toContain(
          `<caption id="privacy-table-caption" class="visually-hidden">${p.table.caption()}</caption>`,
        );
        expect(page.text).toContain(
          `<tr><th scope="col">${p.table.what()}</th><th scope="col">${p.table.keptFor()}</th><th scope="col">${p.table.whoSees()}</th></tr>`,
        );
        expect(p.table.rows.length).toBeGreaterThan(0);
        for (const row of p.table.rows)
          expect(page.text).toContain(
            `<tr><th scope="row">${row.what()}</th><td>${row.keptFor(PRIVACY_PERIODS)}</td><td>${row.whoSees()}</td></tr>`,
          );
        expect(page.text).toContain(String(PRIVACY_PERIODS.closedDays));
        // Everything the site's page says, and nothing left unformatted.
        for (const text of everyText(p)) expect(page.text).toContain(text);
        expect(page.text).not.toMatch(/\{(closedDays|spamDays)/);
        // The same page in every language, the way back, and its own footer link marked current.
        for (const other of LOCALES) expect(page.html).toContain(`href="/${other}/basic/privacy"`);
        expect(page.text).toContain(`<a href="/${locale}/basic">${m.basic.start()}</a>`);
        expect(page.text).toContain(
          `<a href="/${locale}/basic/privacy" aria-current="page">${m.app.footerPrivacy()}</a>`,
        );
        expect(page.headers.get("Set-Cookie")).toBeNull();
        expect(page.headers.get("Cache-Control")).toBe("no-store");
        expect(page.html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      },
    );

    it("is linked from the footer of every page without JavaScript", async () => {
      const m = messagesFor("nl");
      for (const path of ["/nl/basic", "/nl/basic/tip", "/nl/basic/check"]) {
        const page = await get(path);
        expect(page.status, path).toBe(200);
        expect(page.text, path).toContain(
          `<li><a href="/nl/basic/privacy">${m.app.footerPrivacy()}</a></li>`,
        );
      }
    });
  });

  describe("sending a tip", () => {
    it("stores a valid tip and shows its receipt once, which the check form then finds", async () => {
      const m = messagesFor("nl");
      const before = await countRows(h);
      const sent = await sendTip("nl", {
        object: h.fixtures.published.ref,
        country: "BE",
        placeOrShop: "Markt in Gent",
        brandOrProduct: "",
        timePeriod: "rond 2010",
        evidenceLinks: "www.shop.example/gordijn\nhttps://catalogue.example/p/1",
        confidence: "think_so",
        text: "Zo’n gordijn hing in de winkel.",
        contact: "",
      });
      expect(sent.status).toBe(200);
      expect(sent.headers.get("Cache-Control")).toBe("no-store");
      expect(sent.headers.get("Set-Cookie")).toBeNull();
      expect(sent.text).toContain(`<h1>${m.receipt.heading()}</h1>`);
      expect(sent.text).toContain(`aria-label="${m.receipt.codeLabel()}"`);
      expect(sent.text).toContain(m.basic.receiptOnce());
      expect(sent.text).not.toContain(m.hotline.title());
      const code = receiptCodeOf(sent);
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

      expect(await countRows(h)).toMatchObject({ tips: before.tips + 1 });
      const tip = await tipOf(sent);
      expect(tip).toMatchObject({
        objectId: h.fixtures.published.id,
        language: "nl",
        text: "Zo’n gordijn hing in de winkel.",
        concernsOtherAbuse: false,
        trust: "normal",
        trustReasons: [],
      });
      expect(tip).toMatchObject({
        country: "BE",
        placeOrShop: "Markt in Gent",
        timePeriod: "rond 2010",
        confidence: "think_so",
        evidenceLinks: ["https://www.shop.example/gordijn", "https://catalogue.example/p/1"],
      });
      // Neither the code nor the words reach the log.
      expect(h.logs.join("\n")).not.toContain(code);
      expect(h.logs.join("\n")).not.toContain("gordijn");

      const checked = await post("/nl/basic/check", { code });
      expect(checked.status).toBe(200);
      expect(checked.headers.get("Cache-Control")).toBe("no-store");
      expect(checked.text).toContain(
        `<h2 id="tip-status-heading">${m.checkTip.status({ label: m.tipStatuses.received.label() })}</h2>`,
      );
      expect(checked.text).toContain(m.tipStatuses.received.explanation());
      expect(checked.text).toContain(h.fixtures.published.ref);
      expect(checked.text).toContain(m.checkTip.noMessages());
    });

    it("takes a general tip, and gives hotline guidance for abuse not about an object", async () => {
      const m = messagesFor("pl");
      const form = await get("/pl/basic/tip");
      expect(form.text).toContain(m.basic.otherAbuse());
      const sent = await sendTip("pl", {
        text: "Chodzi o dziecko z mojej okolicy.",
        confidence: "certain",
        concernsOtherAbuse: "yes",
        contact: "adres@example.org",
      });
      expect(sent.status).toBe(200);
      expect(sent.text).toContain(m.hotline.title());
      expect(sent.text).toContain(m.hotline.emergency());
      // Such a report goes to the top of the queue.
      expect(await tipOf(sent)).toMatchObject({
        objectId: null,
        concernsOtherAbuse: true,
        priority: "urgent",
      });
      // The contact is stored encrypted only.
      expect(JSON.stringify(await tipOf(sent))).not.toContain("adres@example.org");
    });

    it("refuses a form with mistakes: 400, every value kept, localised messages on their fields, nothing written", async () => {
      const m = messagesFor("es");
      const before = await countRows(h);
      const sent = await sendTip("es", {
        object: h.fixtures.published.ref,
        country: "XX",
        placeOrShop: "Mercado de San Miguel",
        evidenceLinks: "ftp://files.example/a",
        text: "x".repeat(TIP_LIMITS.text + 1),
        contact: "correo@example.org",
      });
      expect(sent.status).toBe(400);
      expect(await countRows(h)).toEqual(before);
      // The summary first, each entry a link to its field; then the messages by the fields.
      expect(sent.text).toContain(
        `<div class="error-summary" role="alert" aria-labelledby="error-summary-heading"><h2 id="error-summary-heading">${m.common.errorSummaryHeading()}</h2>`,
      );
      const summary = /<div class="error-summary".*?<\/div>/.exec(sent.text)![0];
      expect([...summary.matchAll(/href="#([a-z-]+)"/g)].map((r) => r[1])).toEqual([
        "tip-country",
        "tip-links",
        "tip-confidence",
        "tip-text",
      ]);
      expect(sent.text).toContain(
        `<p id="tip-country-error" class="error">${m.tipForm.errors.country()}</p>`,
      );
      expect(sent.text).toContain(
        `<p id="tip-links-error" class="error">${m.tipForm.errors.evidenceLink({ link: "ftp://files.example/a" })}</p>`,
      );
      expect(sent.text).toContain(
        `<p id="tip-text-error" class="error">${m.tipForm.errors.tooLong({ max: TIP_LIMITS.text })}</p>`,
      );
      expect(sent.text).toContain(
        `<p id="tip-confidence-error" class="error">${m.tipForm.errors.confidence()}</p>`,
      );
      expect(sent.html).toContain(
        'aria-describedby="tip-links-hint tip-links-error" aria-invalid="true"',
      );
      expect(sent.html).toContain(
        '<fieldset id="tip-confidence-group" aria-describedby="tip-confidence-error">',
      );
      // What was typed is still there.
      expect(sent.html).toContain('value="Mercado de San Miguel"');
      expect(sent.html).toContain('value="correo@example.org"');
      expect(sent.html).toContain(">ftp://files.example/a</textarea>");
      expect(sent.html).toContain(`value="${h.fixtures.published.ref}"`);
      expect(sent.text).toContain(
        `<title>${m.common.errorSummaryHeading()} — ${m.tipForm.heading()} — Trace</title>`,
      );
    });

    it("refuses text the database cannot store (U+0000) as a mistake, writing nothing", async () => {
      // (A lone surrogate cannot be sent in a form: URL encoding makes it U+FFFD.)
      const before = await countRows(h);
      const refused = await sendTip("en", { country: "FR", confidence: "guess", text: "A\u0000B" });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(messagesFor("en").tipForm.errors.invalid());
      expect(await countRows(h)).toEqual(before);
    });

    it("asks for at least something to go on when the form is sent empty", async () => {
      const m = messagesFor("en");
      const before = await countRows(h);
      const sent = await sendTip("en", { confidence: "guess" });
      expect(sent.status).toBe(400);
      expect(sent.text).toContain(
        `<p id="tip-answer-error" class="error">${m.tipForm.errors.answer()}</p>`,
      );
      expect(sent.html).toContain('<a href="#tip-country">');
      expect(sent.html).toContain('value="guess" checked=""');
      expect(await countRows(h)).toEqual(before);
    });

    it("sends the honeypot and the ticket with the tip: a filled honeypot or no ticket lowers its trust, never refuses it", async () => {
      const bot = await post("/en/basic/tip", {
        country: "FR",
        confidence: "guess",
        website: "https://spam.example",
      });
      expect(bot.status).toBe(200);
      expect(await tipOf(bot)).toMatchObject({
        trust: "low",
        trustReasons: ["honeypot_filled", "ticket_missing_or_invalid"],
      });

      // Sent the moment the form was handed out: no person reads and answers that fast.
      const from = newSender();
      const form = await get("/en/basic/tip", from);
      const hasty = await post(
        "/en/basic/tip",
        { ticket: ticketOf(form), website: "", country: "FR", confidence: "guess" },
        from,
      );
      expect(hasty.status).toBe(200);
      expect(await tipOf(hasty)).toMatchObject({ trust: "low", trustReasons: ["filled_too_fast"] });
    });

    it("keeps the form's first ticket through a correction", async () => {
      const from = newSender();
      const form = await get("/en/basic/tip", from);
      const ticket = ticketOf(form);
      h.clock.now = new Date(h.clock.now.getTime() + 30_000);
      const wrong = await post("/en/basic/tip", { ticket, website: "", country: "FR" }, from);
      expect(wrong.status).toBe(400);
      expect(ticketOf(wrong)).toBe(ticket);
      // A ticket this server never signed is replaced by a good one for the next try.
      const forged = await post("/en/basic/tip", { ticket: "1.forged", country: "FR" }, from);
      expect(readFormTicket(h.deps.formTicketKey, ticketOf(forged))).toEqual(h.clock.now);
    });

    it("answers the same form sent again (a reload, a lost answer) with the first receipt, and stores one tip", async () => {
      const from = newSender();
      const form = await get("/en/basic/tip", from);
      const fields = {
        ticket: ticketOf(form),
        sendKey: sendKeyOf(form),
        website: "",
        country: "PT",
        confidence: "guess",
        text: "Sent twice by the browser.",
      };
      expect(fields.sendKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
      h.clock.now = new Date(h.clock.now.getTime() + 30_000);
      const before = await countRows(h);
      const first = await post("/en/basic/tip", fields, from);
      const again = await post("/en/basic/tip", fields, from);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(receiptCodeOf(again)).toBe(receiptCodeOf(first));
      expect(await countRows(h)).toMatchObject({ tips: before.tips + 1 });

      // Back to the form, the tip changed, sent again: a second tip, with its own receipt.
      // (From another address: each sender may send only a few tips in a row.)
      const changed = await post("/en/basic/tip", { ...fields, country: "ES" });
      expect(changed.status).toBe(200);
      expect(receiptCodeOf(changed)).not.toBe(receiptCodeOf(first));
      expect(await tipOf(changed)).toMatchObject({ country: "ES", trust: "normal" });
      expect(await countRows(h)).toMatchObject({ tips: before.tips + 2 });

      // A key the submission would refuse is left out rather than refusing the tip.
      const tampered = await post("/en/basic/tip", { ...fields, sendKey: "not a key" });
      expect(tampered.status).toBe(200);
      expect(await countRows(h)).toMatchObject({ tips: before.tips + 3 });
    });

    it("keeps the form's key through a correction, and replaces one it could not use", async () => {
      const from = newSender();
      const form = await get("/en/basic/tip", from);
      const wrong = await post(
        "/en/basic/tip",
        { ticket: ticketOf(form), sendKey: sendKeyOf(form), country: "FR" },
        from,
      );
      expect(wrong.status).toBe(400);
      expect(sendKeyOf(wrong)).toBe(sendKeyOf(form));
      const tampered = await post("/en/basic/tip", { sendKey: "x", country: "FR" }, from);
      expect(sendKeyOf(tampered)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    });

    it("answers a tip about an object that is gone with the localised 'not found' page", async () => {
      const m = messagesFor("pt");
      const before = await countRows(h);
      const sent = await sendTip("pt", {
        object: h.fixtures.draft.ref,
        country: "PT",
        confidence: "guess",
      });
      expect(sent.status).toBe(404);
      expect(sent.text).toContain(m.object.notFoundTitle());
      const found = await post("/pt/basic/tip", {
        object: h.fixtures.originFound.ref,
        country: "PT",
        confidence: "guess",
      });
      expect(found.status).toBe(409);
      expect(found.text).toContain(m.object.originFoundTitle());
      expect(await countRows(h)).toEqual(before);
    });

    it("says how long to wait past the sender's limit, with what was typed still there", async () => {
      const m = messagesFor("de");
      const from = newSender();
      for (let i = 0; i < LIMITS.tipSubmissions.points; i++)
        expect((await sendTip("de", { country: "DE", confidence: "guess" }, from)).status).toBe(
          200,
        );
      const before = await countRows(h);
      const refused = await post(
        "/de/basic/tip",
        { country: "DE", confidence: "guess", placeOrShop: "Hamburg" },
        from,
      );
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("Retry-After"));
      expect(wait).toBeGreaterThan(0);
      expect(refused.text).toContain(m.tipForm.errors.throttled({ minutes: Math.ceil(wait / 60) }));
      expect(refused.html).toContain('value="Hamburg"');
      expect(await countRows(h)).toEqual(before);
    });

    it("refuses a body that is too large (413) or not a form (415), in the page's language", async () => {
      const m = messagesFor("fr");
      const before = await countRows(h);
      const large = await post("/fr/basic/tip", { text: "x".repeat(FORM_MAX_BYTES + 1) });
      expect(large.status).toBe(413);
      expect(large.text).toContain(m.basic.tooLarge());
      const json = await answer(
        await h.publicApp.request("/fr/basic/tip", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": newSender() },
          body: JSON.stringify({ country: "FR", confidence: "guess" }),
        }),
      );
      expect(json.status).toBe(415);
      expect(json.html).toMatch(/^<!doctype html><html lang="fr"/);
      expect(await countRows(h)).toEqual(before);
    });
  });

  describe("checking a receipt", () => {
    it("answers a malformed code exactly like an unknown one", async () => {
      const m = messagesFor("it");
      const malformed = await post("/it/basic/check", { code: "nonsense" });
      const unknown = await post("/it/basic/check", { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ" });
      for (const page of [malformed, unknown]) {
        expect(page.status).toBe(404);
        expect(page.text).toContain(m.checkTip.notFound());
        expect(page.headers.get("Cache-Control")).toBe("no-store");
      }
      // The same page but for the code as typed, kept in its field to be corrected.
      expect(malformed.html.replace('value="nonsense"', 'value="(code)"')).toBe(
        unknown.html.replace('value="ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"', 'value="(code)"'),
      );
    });

    it("says how long to wait once a sender has tried too many unknown codes", async () => {
      const m = messagesFor("en");
      const from = newSender();
      for (let i = 0; i < LIMITS.receiptFailures.points; i++)
        expect((await post("/en/basic/check", { code: `WRONG-${i}` }, from)).status).toBe(404);
      const refused = await post("/en/basic/check", { code: "WRONG-again" }, from);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("Retry-After"));
      expect(wait).toBeGreaterThan(0);
      expect(refused.text).toContain(m.checkTip.throttled({ minutes: Math.ceil(wait / 60) }));
    });

    it("shows the investigators' questions and takes the tipster's answer", async () => {
      const m = messagesFor("fr");
      const sent = await sendTip("fr", { country: "FR", confidence: "guess", text: "Vu à Lyon." });
      const code = receiptCodeOf(sent);
      const tip = await tipOf(sent);
      const analyst = await loginAs(h, "analyst");
      const asked = await call(
        h.staffApp,
        "mutation",
        "tips.sendMessage",
        { tipId: tip.id, body: "Dans quel magasin ?" },
        { cookie: analyst },
      );
      expect(asked.status).toBe(200);

      const checked = await post("/fr/basic/check", { code });
      expect(checked.status).toBe(200);
      expect(checked.text).toContain("Dans quel magasin ?");
      expect(checked.text).toContain(m.checkTip.fromStaff());
      expect(checked.text).toContain(m.checkTip.newMessage());
      expect(checked.text).toContain(`<h3 id="reply-heading">${m.checkTip.reply.heading()}</h3>`);

      const empty = await post("/fr/basic/reply", { code, body: "  " });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain(
        `<p id="reply-body-error" class="error">${m.checkTip.reply.required()}</p>`,
      );

      const replied = await post("/fr/basic/reply", {
        code,
        body: "Au marché de la Croix-Rousse.",
      });
      expect(replied.status).toBe(200);
      expect(replied.text).toContain(m.checkTip.reply.sent());
      expect(replied.text).toContain("Au marché de la Croix-Rousse.");
      expect(replied.text).toContain(m.checkTip.fromYou());
      const [stored] = await h.deps.database.db
        .select()
        .from(schema.messages)
        .where(eq(schema.messages.author, "tipster"));
      expect(stored).toMatchObject({ tipId: tip.id, body: "Au marché de la Croix-Rousse." });

      const wrongCode = await post("/fr/basic/reply", { code: "nonsense", body: "Bonjour" });
      expect(wrongCode.status).toBe(404);
      expect(wrongCode.text).toContain(m.checkTip.notFound());
    });
  });

  describe("the start page", () => {
    it("lists the open objects, each with its own tip form, in the page's language", async () => {
      const m = messagesFor("fr");
      const page = await get("/fr/basic");
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<h1>${m.basic.heading()}</h1>`);
      expect(page.html).toContain(`href="/fr/basic/tip?object=${h.fixtures.published.ref}"`);
      expect(page.text).toContain(m.basic.tipAbout({ title: "Striped curtain (fr)" }));
      // Only open objects: one whose origin is found needs no more tips.
      expect(page.html).not.toContain(h.fixtures.originFound.ref);
      expect(page.html).not.toContain(h.fixtures.draft.ref);
      expect(page.html).toContain('href="/fr/"');
    });

    it("serves its stylesheet for a year, and no other file under /basic/", async () => {
      const css = await h.publicApp.request(STYLESHEET_PATH);
      expect(css.status).toBe(200);
      expect(css.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
      expect(css.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(await css.text()).toContain(".visually-hidden");
      expect((await h.publicApp.request("/basic/basic.other.css")).status).toBe(404);
    });

    it("logs paths only, never a query string", async () => {
      h.logs.length = 0;
      await get(`/en/basic/tip?object=${h.fixtures.published.ref}`);
      const log = h.logs.join("\n");
      expect(log).toContain('"path":"/en/basic/tip"');
      expect(log).not.toContain(h.fixtures.published.ref);
    });
  });
});

describe("the pages without JavaScript, with the database down", () => {
  it("answer 503 with a retry hint in the page's language: no stack, no receipt, no words logged", async () => {
    // Nothing listens on port 1: every query's connection is refused.
    const h = await createHarness(await createDb({ url: "postgres://postgres@127.0.0.1:1/none" }), {
      withFixtures: false,
    });
    const m = messagesFor("pl");
    const pages = [
      await h.publicApp.request("/pl/basic"),
      await h.publicApp.request("/pl/basic/tip", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          country: "PL",
          confidence: "guess",
          text: "Widziałem to.",
        }).toString(),
      }),
      await h.publicApp.request("/pl/basic/check", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "code=ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ",
      }),
    ];
    for (const res of pages) {
      const page = await answer(res);
      expect(page.status).toBe(503);
      expect(page.headers.get("Retry-After")).toBe("5");
      expect(page.html).toMatch(/^<!doctype html><html lang="pl"/);
      expect(page.text).toContain(m.common.unavailable());
      expect(page.html).not.toMatch(/receipt-code"|\.ts:\d+/);
    }
    expect(h.logs.join("")).toContain("database unavailable");
    expect(h.logs.join("")).not.toContain("Widziałem");
  });
});
