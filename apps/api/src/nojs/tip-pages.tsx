/** @jsxImportSource hono/jsx */
import {
  DEFAULT_RETENTION_POLICY,
  TIP_CONFIDENCES,
  TIP_FIELD_IDS,
  TIP_LIMITS,
  errorSummaryEntries,
  type Locale,
  type PublicObject,
} from "@trace/domain";
import { Alert, basicPath } from "./document";
import type { Messages } from "./messages";
import {
  ErrorSummary,
  HotlineGuidance,
  ObjectImage,
  Served,
  TextField,
  countryOptions,
  idList,
} from "./parts";
import { TIP_FORM_NAMES, type TipFormErrors, type TipFormValues } from "./tip-form";

interface PageContext {
  locale: Locale;
  m: Messages;
}

/** The object a tip is about: its title, question, pictures and reference. */
function ObjectSummary({ locale, m, object }: PageContext & { object: PublicObject }) {
  return (
    <section class="notice" aria-labelledby="object-heading">
      <h2 id="object-heading">
        <Served text={object.title} locale={locale} m={m} />
      </h2>
      <p class="lead">
        <Served text={object.question} locale={locale} m={m} />
      </p>
      <dl>
        {object.regionHint && (
          <>
            <dt>{m.object.regionHint()}</dt>
            <dd>
              <Served text={object.regionHint} locale={locale} m={m} />
            </dd>
          </>
        )}
        <dt>{m.object.reference()}</dt>
        <dd class="mono">{object.ref}</dd>
      </dl>
      {object.images.length > 0 && (
        <ul class="images" aria-label={m.object.imagesLabel()}>
          {object.images.map((image) => (
            <li>
              <ObjectImage image={image} locale={locale} sizes="(min-width: 44rem) 42rem, 100vw" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface TipFormPageProps extends PageContext {
  /** The object the tip is about, or null for a general tip. */
  object: PublicObject | null;
  values: TipFormValues;
  errors: TipFormErrors;
  /** A failure no field can fix (wait, the object no longer takes tips, try again later). */
  alert?: string | undefined;
}

/** The tip form, empty or as sent with what was wrong with it. */
export function TipFormPage({ locale, m, object, values, errors, alert }: TipFormPageProps) {
  const summary = errorSummaryEntries(errors);
  const confidenceError = errors.confidence ? `${TIP_FIELD_IDS.confidence}-error` : undefined;
  return (
    <>
      <h1>{m.tipForm.heading()}</h1>
      <ErrorSummary m={m} entries={summary} />
      {(alert ?? errors.form) && (
        <Alert>
          <p>{alert ?? errors.form}</p>
        </Alert>
      )}
      {object ? (
        <ObjectSummary locale={locale} m={m} object={object} />
      ) : (
        <p class="lead">{m.basic.generalIntro()}</p>
      )}
      <p>{m.tipForm.intro()}</p>
      {/* novalidate: the server's messages, in the page's language, replace the browser's.
          autocomplete off: on a shared device nothing typed here is offered to the next person. */}
      <form
        method="post"
        action={basicPath(locale, "tip")}
        novalidate
        autocomplete="off"
        accept-charset="utf-8"
      >
        {object && <input type="hidden" name={TIP_FORM_NAMES.object} value={object.ref} />}
        <input type="hidden" name={TIP_FORM_NAMES.ticket} value={values.ticket} />
        <input type="hidden" name={TIP_FORM_NAMES.sendKey} value={values.sendKey} />
        <fieldset aria-describedby={errors.answer ? "tip-answer-error" : undefined}>
          <legend>{m.basic.answerLegend()}</legend>
          {errors.answer && (
            <p id="tip-answer-error" class="error">
              {errors.answer}
            </p>
          )}
          <div class="field">
            <label for={TIP_FIELD_IDS.country}>{m.tipForm.country()}</label>
            <p id={`${TIP_FIELD_IDS.country}-hint`} class="hint">
              {m.tipForm.countryHint()}
            </p>
            {errors.country && (
              <p id={`${TIP_FIELD_IDS.country}-error`} class="error">
                {errors.country}
              </p>
            )}
            <select
              id={TIP_FIELD_IDS.country}
              name={TIP_FORM_NAMES.country}
              aria-describedby={idList(
                `${TIP_FIELD_IDS.country}-hint`,
                errors.country && `${TIP_FIELD_IDS.country}-error`,
              )}
              aria-invalid={errors.country ? "true" : undefined}
            >
              <option value="">{m.tipForm.countryUnknown()}</option>
              {countryOptions(locale).map((option) => (
                <option value={option.value} selected={values.country === option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={TIP_FIELD_IDS.placeOrShop}
            name={TIP_FORM_NAMES.placeOrShop}
            label={m.tipForm.placeOrShop()}
            hint={m.tipForm.placeOrShopHint()}
            error={errors.placeOrShop}
            value={values.placeOrShop}
          />
          <TextField
            id={TIP_FIELD_IDS.brandOrProduct}
            name={TIP_FORM_NAMES.brandOrProduct}
            label={m.tipForm.brandOrProduct()}
            hint={m.tipForm.brandOrProductHint()}
            error={errors.brandOrProduct}
            value={values.brandOrProduct}
          />
          <TextField
            id={TIP_FIELD_IDS.timePeriod}
            name={TIP_FORM_NAMES.timePeriod}
            label={m.tipForm.timePeriod()}
            hint={m.tipForm.timePeriodHint()}
            error={errors.timePeriod}
            value={values.timePeriod}
          />
          <TextField
            id={TIP_FIELD_IDS.evidenceLinks}
            name={TIP_FORM_NAMES.evidenceLinks}
            label={m.tipForm.evidenceLinks()}
            hint={m.tipForm.evidenceLinksHint()}
            error={errors.evidenceLinks}
            value={values.evidenceLinks}
            rows={3}
            inputMode="url"
          />
        </fieldset>
        <fieldset id="tip-confidence-group" aria-describedby={confidenceError}>
          <legend>
            {m.tipForm.confidence()} {m.common.required()}
          </legend>
          {errors.confidence && (
            <p id={confidenceError} class="error">
              {errors.confidence}
            </p>
          )}
          {TIP_CONFIDENCES.map((confidence, index) => {
            // The first choice carries the group's id, so the error summary's link lands on it.
            const id =
              index === 0 ? TIP_FIELD_IDS.confidence : `${TIP_FIELD_IDS.confidence}-${confidence}`;
            return (
              <div class="choice">
                <input
                  type="radio"
                  id={id}
                  name={TIP_FORM_NAMES.confidence}
                  value={confidence}
                  checked={values.confidence === confidence}
                  aria-invalid={errors.confidence ? "true" : undefined}
                />
                <label for={id}>{m.confidences[confidence]()}</label>
              </div>
            );
          })}
        </fieldset>
        <TextField
          id={TIP_FIELD_IDS.text}
          name={TIP_FORM_NAMES.text}
          label={m.tipForm.text()}
          hint={m.tipForm.errors.tooLong({ max: TIP_LIMITS.text })}
          error={errors.text}
          value={values.text}
          rows={6}
        />
        <p class="notice">{m.basic.photosUnavailable()}</p>
        <TextField
          id={TIP_FIELD_IDS.contact}
          name={TIP_FORM_NAMES.contact}
          label={m.tipForm.contact()}
          hint={m.tipForm.contactHint()}
          error={errors.contact}
          value={values.contact}
        />
        <div class="choice field">
          <input
            type="checkbox"
            id="tip-other-abuse"
            name={TIP_FORM_NAMES.concernsOtherAbuse}
            value="yes"
            checked={values.concernsOtherAbuse}
          />
          <label for="tip-other-abuse">
            {object ? m.tipForm.otherAbuse() : m.basic.otherAbuse()}
          </label>
        </div>
        {/* A person never sees this field; a screen reader says to leave it empty. A bot that
            fills in every field is noticed (its tip is accepted and set aside, never refused). */}
        <div class="visually-hidden">
          <label for="tip-website">{m.basic.honeypot()}</label>
          <input
            type="text"
            id="tip-website"
            name={TIP_FORM_NAMES.honeypot}
            value={values.honeypot}
            tabindex={-1}
            autocomplete="off"
          />
        </div>
        {/* What is kept, said before the tip is sent (as on the site's form). */}
        <p class="hint">
          {m.tipForm.privacyNote({ days: DEFAULT_RETENTION_POLICY.closedDays })}{" "}
          <a href={basicPath(locale, "privacy")}>{m.tipForm.privacyLink()}</a>
        </p>
        <button type="submit">{m.tipForm.submit()}</button>
      </form>
    </>
  );
}

/** An object that no longer takes tips: said plainly, with no form. */
export function OriginFoundPage({ locale, m, object }: PageContext & { object: PublicObject }) {
  return (
    <>
      <h1>{m.tipForm.heading()}</h1>
      <ObjectSummary locale={locale} m={m} object={object} />
      <section class="success" aria-labelledby="origin-found-heading">
        <h2 id="origin-found-heading">{m.object.originFoundTitle()}</h2>
        <p>{m.object.originFoundBody()}</p>
      </section>
      <p>
        <a href={basicPath(locale)}>{m.object.backToObjects()}</a>
      </p>
    </>
  );
}

/** An object reference that matches no public object (mistyped, or taken down). */
export function ObjectNotFoundPage({ locale, m }: PageContext) {
  return (
    <>
      <h1>{m.object.notFoundTitle()}</h1>
      <p>{m.object.notFoundBody()}</p>
      <p>
        <a href={basicPath(locale)}>{m.object.backToObjects()}</a>
      </p>
    </>
  );
}

/** The receipt, shown once, in the answer to the form that sent the tip. */
export function ReceiptPage({
  locale,
  m,
  receiptCode,
  showHotlineGuidance,
}: PageContext & { receiptCode: string; showHotlineGuidance: boolean }) {
  return (
    <>
      <h1>{m.receipt.heading()}</h1>
      <p>{m.receipt.codeIntro()}</p>
      <div role="group" aria-label={m.receipt.codeLabel()}>
        <p class="receipt-code">{receiptCode}</p>
      </div>
      <p class="warning">
        <strong>{m.basic.receiptOnce()}</strong>
      </p>
      <p>{m.receipt.explanation()}</p>
      <p>{m.receipt.howToReturn()}</p>
      {showHotlineGuidance && <HotlineGuidance m={m} />}
      <ul>
        <li>
          <a href={basicPath(locale, "check")}>{m.basic.checkNow()}</a>
        </li>
        <li>
          <a href={basicPath(locale)}>{m.receipt.goneBrowse()}</a>
        </li>
      </ul>
    </>
  );
}
