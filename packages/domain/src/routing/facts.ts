import type { CountryCode } from "../shared/country";
import type { ObjectCategory, TraceObject } from "../object/object";
import type { CountryConfidence, Series } from "../series/series";
import type { Tip, TipConfidence } from "../tip/tip";

/**
 * What the routing engine knows about one tip: the tip itself, the object it is about and that
 * object's series. Conditions read only these facts, so a rule can be evaluated (and simulated)
 * without the database. Facts are treated as immutable: the keyword condition caches the
 * normalised text per `tip` object.
 */
export interface RoutingFacts {
  readonly tip: RoutingTipFacts;
  /** Null for a general tip that is not about one object. */
  readonly object: RoutingObjectFacts | null;
  /** Null when the tip is not about an object (an object always belongs to a series). */
  readonly series: RoutingSeriesFacts | null;
}

export interface RoutingTipFacts {
  readonly id: string;
  /** The country the tipster named, or null when they named none. */
  readonly country: CountryCode | null;
  /** ISO 639-1 code of the language the tip was written in. */
  readonly language: string;
  readonly confidence: TipConfidence;
  /** The free-text fields the keyword condition searches; null when the tipster left them empty. */
  readonly text: string | null;
  readonly placeOrShop: string | null;
  readonly brandOrProduct: string | null;
  readonly evidenceLinks: readonly string[];
}

export interface RoutingObjectFacts {
  readonly ref: string;
  readonly category: ObjectCategory;
}

export interface RoutingSeriesFacts {
  readonly suspectedCountries: readonly RoutingSuspectedCountry[];
}

export interface RoutingSuspectedCountry {
  readonly country: CountryCode;
  readonly confidence: CountryConfidence;
}

export interface RoutingFactsSource {
  tip: Pick<Tip, "id" | "answer" | "text" | "language">;
  object: Pick<TraceObject, "ref" | "category"> | null;
  series: Pick<Series, "suspectedCountries"> | null;
}

/** Builds the engine's facts from domain-shaped values (as the db query functions return them). */
export function buildRoutingFacts({ tip, object, series }: RoutingFactsSource): RoutingFacts {
  return {
    tip: {
      id: tip.id,
      country: tip.answer.country ?? null,
      language: tip.language,
      confidence: tip.answer.confidence,
      text: tip.text,
      placeOrShop: tip.answer.placeOrShop ?? null,
      brandOrProduct: tip.answer.brandOrProduct ?? null,
      evidenceLinks: tip.answer.evidenceLinks,
    },
    object: object ? { ref: object.ref, category: object.category } : null,
    series: series
      ? {
          // The note is evidence for staff, not a routing fact.
          suspectedCountries: series.suspectedCountries.map(({ country, confidence }) => ({
            country,
            confidence,
          })),
        }
      : null,
  };
}
