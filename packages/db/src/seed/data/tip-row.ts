import type {
  CountryCode,
  Locale,
  TipConfidence,
  TipTrustReason,
  TriageStatus,
} from "@trace/domain";
import type { ObjectKey } from "./objects";

export interface TipExtra {
  /** 0–2 evidence links, on example.org only. */
  links?: readonly string[];
  /** An outcome the tip plainly deserves (spam is obvious); otherwise the seed decides by age. */
  verdict?: TriageStatus;
  /** The tipster left contact details; the seed makes up a placeholder and encrypts it. */
  hasContact?: boolean;
  /** A staff question and the tipster's answer, in the tip's language. */
  dialogue?: readonly [staff: string, tipster: string];
  concernsOtherAbuse?: boolean;
  /** The abuse heuristics flagged it when it arrived (the inbox's low-trust queue). */
  lowTrust?: readonly TipTrustReason[];
}

/** Tips come in any language, not only the site's; these are the ones the demo uses. */
export type TipLanguage = Locale | "et" | "fi" | "uk" | "cs" | "da";

/**
 * One demo tip as a table row, so ~200 of them stay readable:
 * object (null = general tip), language, country, place or shop, brand or product,
 * time period, confidence, free text, extras.
 */
export type TipRow = readonly [
  on: ObjectKey | null,
  language: TipLanguage,
  country: CountryCode | null,
  placeOrShop: string | null,
  brandOrProduct: string | null,
  timePeriod: string | null,
  confidence: TipConfidence,
  text: string | null,
  extra?: TipExtra,
];
