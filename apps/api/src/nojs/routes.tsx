/** @jsxImportSource hono/jsx */
import { TRPCError } from "@trpc/server";
import type { Context as HonoContext, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  LOCALES,
  MESSAGE_BODY_MAX,
  MessageBodySchema,
  ObjectRefSchema,
  type Locale,
  type PublicObject,
  type TipStatusView,
} from "@trace/domain";
import { getPublicObjectByRef, listPublishedObjects } from "@trace/db";
import { issueFormTicket, readFormTicket } from "../abuse/form-ticket";
import { describeError } from "../logger";
import { submitTip } from "../services/tip-submission";
import { unstorableCharacterPath } from "../services/unstorable-text";
import type { Deps } from "../trpc/context";
import {
  AppErrorCause,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  type AppErrorCode,
} from "../trpc/errors";
import { createCallerFactory } from "../trpc/init";
import { publicRouter } from "../trpc/root";
import { CheckPage, type ReplyState } from "./check-pages";
import { Document, basicPath, type BasicPage } from "./document";
import { messagesFor, type Messages } from "./messages";
import { PrivacyPage, privacyMessagesFor } from "./privacy-page";
import { OBJECTS_PER_PAGE, StartPage } from "./start-page";
import { STYLESHEET, STYLESHEET_PATH } from "./stylesheet";
import {
  emptyTipForm,
  newSendKey,
  readTipForm,
  usableSendKey,
  validateTipForm,
  type TipFormValues,
} from "./tip-form";
import {
  ObjectNotFoundPage,
  OriginFoundPage,
  ReceiptPage,
  TipFormPage,
  type TipFormPageProps,
} from "./tip-pages";

type Env = { Variables: { requestId: string } };
type C = HonoContext<Env>;

/**
 * Far above any real form (5,000 characters of words, ten 2,000-character links, each character
 * up to 12 bytes once UTF-8 is percent-encoded), far below anything that costs the server.
 */
export const FORM_MAX_BYTES = 256 * 1024;

const LOCALE_PARAM = `:locale{${LOCALES.join("|")}}`;
const createCaller = createCallerFactory(publicRouter);

interface Page {
  title: string;
  current?: BasicPage;
  /** The same page in another language, as a GET address. */
  languageHref: (locale: Locale) => string;
  body: Child;
}

/**
 * Every answer is `no-store`: a form carries a fresh ticket, and a receipt or a tip's status must
 * never sit in a cache. No cookie is read or set.
 */
async function render(c: C, locale: Locale, status: ContentfulStatusCode, page: Page) {
  const m = messagesFor(locale);
  const document = (
    <Document
      locale={locale}
      m={m}
      title={page.title}
      current={page.current}
      languageHref={page.languageHref}
    >
      {page.body}
    </Document>
  );
  c.header("Cache-Control", "no-store");
  c.header("Content-Language", locale);
  return c.html(`<!doctype html>${await document.toString()}`, status);
}

function localeOf(c: C): Locale {
  return c.req.param("locale") as Locale;
}

/** The stable code of a refusal thrown by a service or a procedure, if it is one. */
function appCodeOf(error: unknown): AppErrorCode | null {
  return error instanceof TRPCError && error.cause instanceof AppErrorCause
    ? error.cause.appCode
    : null;
}

/** Whole minutes to wait, for the messages (which say "later" for 0). */
const minutesOf = (retryAfterSeconds: number) => Math.ceil(retryAfterSeconds / 60);

/**
 * A failure of ours gets a page in the visitor's language, never a stack trace: 503 with a retry
 * hint for a database that is unreachable, 500 with the request id otherwise (logged, like
 * app.ts's onError; procedures called here have logged their own already).
 */
function guard(deps: Deps, handler: (c: C) => Promise<Response>) {
  return async (c: C): Promise<Response> => {
    try {
      return await handler(c);
    } catch (error) {
      const locale = localeOf(c);
      const m = messagesFor(locale);
      const requestId = c.get("requestId");
      const isUnavailable =
        isDatabaseUnavailable(error) ||
        (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE");
      if (isUnavailable) {
        if (!(error instanceof TRPCError))
          deps.logger.warn({ requestId, err: describeError(error) }, "database unavailable");
        c.header("Retry-After", String(RETRY_AFTER_SECONDS));
      } else if (!(error instanceof TRPCError)) {
        deps.logger.error({ requestId, err: describeError(error) }, "unhandled error");
      }
      const text = isUnavailable
        ? m.common.unavailable()
        : `${m.common.unexpected()} ${m.common.requestReference({ id: requestId })}`;
      return render(c, locale, isUnavailable ? 503 : 500, {
        title: m.basic.documentTitle(),
        languageHref: (l) => basicPath(l),
        body: (
          <div class="alert" role="alert">
            <p>{text}</p>
          </div>
        ),
      });
    }
  };
}

/** The posted form, read as application/x-www-form-urlencoded; null for any other body. */
async function readForm(c: C): Promise<URLSearchParams | null> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return null;
  return new URLSearchParams(await c.req.text());
}

/** A body that could not be read as a form: too large (413) or of another kind (415). */
function unreadable(c: C, status: 413 | 415) {
  const locale = localeOf(c);
  const m = messagesFor(locale);
  return render(c, locale, status, {
    title: m.basic.documentTitle(),
    languageHref: (l) => basicPath(l),
    body: (
      <div class="alert" role="alert">
        <p>{status === 413 ? m.basic.tooLarge() : m.common.unexpected()}</p>
        <p>
          <a href={basicPath(locale)}>{m.basic.start()}</a>
        </p>
      </div>
    ),
  });
}

const tipHref = (locale: Locale, objectRef: string | undefined) =>
  objectRef ? `${basicPath(locale, "tip")}?object=${objectRef}` : basicPath(locale, "tip");

/**
 * The pages of the public site that work without JavaScript: send a tip (general, or about one
 * object), check it with the receipt code, and read what is kept and for how long. Public
 * listener only; mounted before the site's own pages, under `/{locale}/basic`. They use the same schema, the same service, the same rate
 * limits and the same procedures as the site's JavaScript, so a tip means the same whichever
 * form sent it.
 */
export function mountNoJavaScriptPages(app: Hono<Env>, deps: Deps): void {
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    }),
  );

  const formBodyLimit = bodyLimit({
    maxSize: FORM_MAX_BYTES,
    onError: (c) => unreadable(c as C, 413),
  });

  app.get(
    `/${LOCALE_PARAM}/basic`,
    guard(deps, async (c) => {
      const locale = localeOf(c);
      const m = messagesFor(locale);
      const pageParam = c.req.query("page") ?? "1";
      const page = /^[1-9][0-9]{0,3}$/.test(pageParam) ? Number(pageParam) : 1;
      const { items, total } = await listPublishedObjects(deps.database.db, {
        locale,
        status: "open",
        limit: OBJECTS_PER_PAGE,
        offset: (page - 1) * OBJECTS_PER_PAGE,
      });
      return render(c, locale, 200, {
        title: m.basic.documentTitle(),
        current: "start",
        languageHref: (l) => (page === 1 ? basicPath(l) : `${basicPath(l)}?page=${page}`),
        body: <StartPage locale={locale} m={m} objects={items} total={total} page={page} />,
      });
    }),
  );

  /**
   * The object a tip is about, from the address (GET) or the form's hidden field (POST): null
   * for a general tip, "missing" for a reference that matches no public object.
   */
  const loadObject = async (
    locale: Locale,
    ref: string | null | undefined,
  ): Promise<PublicObject | null | "missing"> => {
    if (ref === undefined || ref === null || ref === "") return null;
    const parsed = ObjectRefSchema.safeParse(ref);
    if (!parsed.success) return "missing";
    return (await getPublicObjectByRef(deps.database.db, parsed.data, locale)) ?? "missing";
  };

  /** The tip form again, as sent, with what to fix (values kept, the original ticket too). */
  const tipFormAgain = (
    c: C,
    status: ContentfulStatusCode,
    props: Omit<TipFormPageProps, "locale" | "m">,
  ) => {
    const locale = localeOf(c);
    const m = messagesFor(locale);
    const hasErrors = Object.keys(props.errors).length > 0 || props.alert !== undefined;
    return render(c, locale, status, {
      title: hasErrors
        ? `${m.common.errorSummaryHeading()} — ${m.tipForm.heading()}`
        : m.tipForm.heading(),
      current: props.object ? undefined : "tip",
      languageHref: (l) => tipHref(l, props.object?.ref),
      body: <TipFormPage locale={locale} m={m} {...props} />,
    });
  };

  /** No tip form: the object is not there (404), or no longer takes tips (`foundStatus`). */
  const objectPage = (
    c: C,
    object: PublicObject | "missing",
    foundStatus: ContentfulStatusCode = 409,
  ) => {
    const locale = localeOf(c);
    const m = messagesFor(locale);
    if (object === "missing") {
      return render(c, locale, 404, {
        title: m.object.notFoundTitle(),
        languageHref: (l) => basicPath(l),
        body: <ObjectNotFoundPage locale={locale} m={m} />,
      });
    }
    return render(c, locale, foundStatus, {
      title: object.title.text,
      languageHref: (l) => tipHref(l, object.ref),
      body: <OriginFoundPage locale={locale} m={m} object={object} />,
    });
  };

  app.get(
    `/${LOCALE_PARAM}/basic/tip`,
    guard(deps, async (c) => {
      const locale = localeOf(c);
      const object = await loadObject(locale, c.req.query("object"));
      if (object === "missing") return objectPage(c, object);
      // Nothing is wrong with asking: the object's page says its origin was found.
      if (object?.status === "origin_found") return objectPage(c, object, 200);
      return tipFormAgain(c, 200, {
        object,
        values: emptyTipForm(issueFormTicket(deps.formTicketKey, deps.now()), newSendKey()),
        errors: {},
      });
    }),
  );

  app.post(
    `/${LOCALE_PARAM}/basic/tip`,
    formBodyLimit,
    guard(deps, async (c) => {
      const locale = localeOf(c);
      const m = messagesFor(locale);
      // Before the form is read: every attempt counts, as on the site's tRPC procedure.
      const verdict = await deps.rateLimits.forRequest(c).take("tipSubmission");
      const form = await readForm(c);
      if (!form) return unreadable(c, 415);
      const posted = readTipForm(form);
      // Shown again after an error: the ticket the form was first handed out with, so the fill
      // time counts from then; one this server did not sign (or too old to count) is replaced,
      // so a person's next try carries a good one. The tip itself is judged on what was posted.
      const issuedAt = readFormTicket(deps.formTicketKey, posted.ticket);
      const isTicketUsable =
        issuedAt !== null &&
        deps.now().getTime() - issuedAt.getTime() < deps.submissionTrust.policy.maxTicketAgeMs;
      const sendKey = usableSendKey(posted.sendKey);
      const values: TipFormValues = {
        ...posted,
        ticket: isTicketUsable ? posted.ticket : issueFormTicket(deps.formTicketKey, deps.now()),
        sendKey: sendKey ?? newSendKey(),
      };

      const object = await loadObject(locale, form.get("object"));
      if (object === "missing") return objectPage(c, object);
      if (!verdict.ok) {
        c.header("Retry-After", String(verdict.retryAfterSeconds));
        return tipFormAgain(c, 429, {
          object,
          values,
          errors: {},
          alert: m.tipForm.errors.throttled({ minutes: minutesOf(verdict.retryAfterSeconds) }),
        });
      }
      if (object?.status === "origin_found") return objectPage(c, object);

      // What PostgreSQL cannot store (U+0000, broken Unicode) is refused as the site's form's
      // answers are (trpc/init.ts), never reaching the database as a 500.
      if (unstorableCharacterPath(posted)) {
        return tipFormAgain(c, 400, {
          object,
          values,
          errors: { form: m.tipForm.errors.invalid() },
        });
      }
      const validation = validateTipForm(values, { objectRef: object?.ref, language: locale }, m);
      if (!validation.ok)
        return tipFormAgain(c, 400, { object, values, errors: validation.errors });

      // Without JavaScript there is no proof of work; that alone never lowers a tip's trust.
      const send = (key: string | undefined) =>
        submitTip(
          deps,
          validation.submission,
          {
            channel: "form",
            honeypot: posted.honeypot,
            formTicket: posted.ticket,
            proofOfWork: undefined,
          },
          key,
        );
      let receipt;
      try {
        receipt = await send(sendKey).catch((error: unknown) => {
          // The form's key already sent another tip: the person went back, changed the tip and
          // sent it again, which is a new tip.
          if (appCodeOf(error) === "idempotency_key_reused") return send(newSendKey());
          throw error;
        });
      } catch (error) {
        // The object was taken down or marked found between the form and the send.
        const code = appCodeOf(error);
        if (code === "object_not_found") return objectPage(c, "missing");
        if (code === "object_not_accepting_tips" && object) return objectPage(c, object);
        throw error;
      }
      // The receipt is rendered in the answer to the POST itself, not after a redirect
      // (Post/Redirect/Get): a page to redirect to would have to find the code again, which means
      // keeping it somewhere (a cookie, a URL, a server-side store) — and the code must exist
      // only as a keyed hash once it is shown. `no-store` keeps it out of every cache; a reload sends
      // the form again, with its key, and shows the same receipt.
      return render(c, locale, 200, {
        title: m.receipt.documentTitle(),
        languageHref: (l) => basicPath(l, "check"),
        body: (
          <ReceiptPage
            locale={locale}
            m={m}
            receiptCode={receipt.receiptCode}
            showHotlineGuidance={receipt.showHotlineGuidance}
          />
        ),
      });
    }),
  );

  const checkPage = (
    c: C,
    status: ContentfulStatusCode,
    props: { code: string; alert?: string; view?: TipStatusView; reply?: ReplyState },
  ) => {
    const locale = localeOf(c);
    const m = messagesFor(locale);
    return render(c, locale, status, {
      title: m.checkTip.heading(),
      current: "check",
      languageHref: (l) => basicPath(l, "check"),
      body: <CheckPage locale={locale} m={m} {...props} />,
    });
  };

  /**
   * The site's own procedures, called in-process with this request's sender: the receipt look-up
   * is the very same code (throttling, hashing, a malformed code answered like an unknown one).
   */
  const callerFor = (c: C, resHeaders: Headers) =>
    createCaller({
      deps,
      requestId: c.get("requestId"),
      log: deps.logger,
      resHeaders,
      session: null,
      isSecure: false,
      rateLimit: deps.rateLimits.forRequest(c),
    });

  /** A refusal of a receipt procedure as the page's status and message; null if not one. */
  const receiptRefusal = (
    error: unknown,
    resHeaders: Headers,
    m: Messages,
  ): { status: 404 | 429; alert: string } | null => {
    const code = appCodeOf(error);
    if (code === "receipt_not_found") return { status: 404, alert: m.checkTip.notFound() };
    if (code === "receipt_checks_throttled") {
      const seconds = Number(resHeaders.get("Retry-After") ?? "0");
      return { status: 429, alert: m.checkTip.throttled({ minutes: minutesOf(seconds) }) };
    }
    return null;
  };

  /** Status of the tip, or the page that says why not (identical for malformed and unknown). */
  const lookUp = async (
    c: C,
    code: string,
  ): Promise<{ view: TipStatusView } | { refused: Response | Promise<Response> }> => {
    const m = messagesFor(localeOf(c));
    const resHeaders = new Headers();
    try {
      return { view: await callerFor(c, resHeaders).tips.status({ receiptCode: code }) };
    } catch (error) {
      const refusal = receiptRefusal(error, resHeaders, m);
      if (!refusal) throw error;
      const retryAfter = resHeaders.get("Retry-After");
      if (retryAfter) c.header("Retry-After", retryAfter);
      return { refused: checkPage(c, refusal.status, { code, alert: refusal.alert }) };
    }
  };

  // What is kept and for how long, from the site's own privacy catalog; nothing to look up.
  app.get(
    `/${LOCALE_PARAM}/basic/privacy`,
    guard(deps, async (c) => {
      const locale = localeOf(c);
      const m = messagesFor(locale);
      const s = privacyMessagesFor(locale);
      return render(c, locale, 200, {
        title: s.privacy.documentTitle(),
        current: "privacy",
        languageHref: (l) => basicPath(l, "privacy"),
        body: <PrivacyPage locale={locale} m={m} s={s} />,
      });
    }),
  );

  app.get(
    `/${LOCALE_PARAM}/basic/check`,
    guard(deps, async (c) => checkPage(c, 200, { code: "" })),
  );

  app.post(
    `/${LOCALE_PARAM}/basic/check`,
    formBodyLimit,
    guard(deps, async (c) => {
      const form = await readForm(c);
      if (!form) return unreadable(c, 415);
      const code = form.get("code") ?? "";
      const result = await lookUp(c, code);
      if ("refused" in result) return result.refused;
      return checkPage(c, 200, { code, view: result.view });
    }),
  );

  app.post(
    `/${LOCALE_PARAM}/basic/reply`,
    formBodyLimit,
    guard(deps, async (c) => {
      const m = messagesFor(localeOf(c));
      const form = await readForm(c);
      if (!form) return unreadable(c, 415);
      const code = form.get("code") ?? "";
      const body = form.get("body") ?? "";
      const parsed = MessageBodySchema.safeParse(body);
      let reply: ReplyState;
      let status: ContentfulStatusCode = 200;
      if (!parsed.success) {
        reply = {
          value: body,
          error:
            body.trim() === ""
              ? m.checkTip.reply.required()
              : m.checkTip.reply.tooLong({ max: MESSAGE_BODY_MAX }),
        };
        status = 400;
      } else {
        const resHeaders = new Headers();
        try {
          await callerFor(c, resHeaders).tips.reply({ receiptCode: code, body: parsed.data });
          reply = { value: "", isSent: true };
        } catch (error) {
          const refusal = receiptRefusal(error, resHeaders, m);
          if (refusal) {
            const retryAfter = resHeaders.get("Retry-After");
            if (retryAfter) c.header("Retry-After", retryAfter);
            return checkPage(c, refusal.status, { code, alert: refusal.alert });
          }
          const appCode = appCodeOf(error);
          if (appCode !== "no_question_to_answer" && appCode !== "too_many_messages") throw error;
          reply = {
            value: body,
            alert:
              appCode === "no_question_to_answer"
                ? m.checkTip.reply.noQuestion()
                : m.checkTip.reply.tooMany(),
          };
          status = 409;
        }
      }
      // The conversation as it is now, with the answer just sent (or what to fix in it).
      const result = await lookUp(c, code);
      if ("refused" in result) return result.refused;
      return checkPage(c, status, { code, view: result.view, reply });
    }),
  );
}
