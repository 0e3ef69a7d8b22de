import { pgEnum } from "drizzle-orm/pg-core";
import {
  CASE_STATUSES,
  COUNTRY_CONFIDENCES,
  DELIVERY_CHANNELS,
  IMAGE_STATUSES,
  IMAGE_VARIANT_FORMATS,
  MESSAGE_AUTHORS,
  OBJECT_CATEGORIES,
  OBJECT_STATUSES,
  PUBLIC_TIP_STATUSES,
  REFERRAL_DISPOSITIONS,
  REFERRAL_MESSAGE_SIDES,
  REFERRAL_STATUSES,
  ROLES,
  SERIES_STATUSES,
  TIP_CONFIDENCES,
  TIP_EVENT_KINDS,
  TIP_PRIORITIES,
  TIP_TRUST_LEVELS,
  TIP_TRUST_REASONS,
  TRIAGE_STATUSES,
} from "@trace/domain";

// Enumerations are declared once in the domain; the database follows them.
export const roleEnum = pgEnum("role", ROLES);
export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const seriesStatusEnum = pgEnum("series_status", SERIES_STATUSES);
export const countryConfidenceEnum = pgEnum("country_confidence", COUNTRY_CONFIDENCES);
export const objectCategoryEnum = pgEnum("object_category", OBJECT_CATEGORIES);
export const objectStatusEnum = pgEnum("object_status", OBJECT_STATUSES);
export const tipConfidenceEnum = pgEnum("tip_confidence", TIP_CONFIDENCES);
export const tipTrustEnum = pgEnum("tip_trust", TIP_TRUST_LEVELS);
export const tipTrustReasonEnum = pgEnum("tip_trust_reason", TIP_TRUST_REASONS);
export const triageStatusEnum = pgEnum("triage_status", TRIAGE_STATUSES);
export const publicTipStatusEnum = pgEnum("public_tip_status", PUBLIC_TIP_STATUSES);
/** Declared in rising order so that `ORDER BY priority DESC` puts urgent first. */
export const tipPriorityEnum = pgEnum("tip_priority", TIP_PRIORITIES);
export const messageAuthorEnum = pgEnum("message_author", MESSAGE_AUTHORS);
export const tipEventKindEnum = pgEnum("tip_event_kind", TIP_EVENT_KINDS);
export const deliveryChannelEnum = pgEnum("delivery_channel", DELIVERY_CHANNELS);
export const referralStatusEnum = pgEnum("referral_status", REFERRAL_STATUSES);
export const referralDispositionEnum = pgEnum("referral_disposition", REFERRAL_DISPOSITIONS);
export const referralMessageSideEnum = pgEnum("referral_message_side", REFERRAL_MESSAGE_SIDES);
export const imageStatusEnum = pgEnum("image_status", IMAGE_STATUSES);
export const imageVariantFormatEnum = pgEnum("image_variant_format", IMAGE_VARIANT_FORMATS);
