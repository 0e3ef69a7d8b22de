import {
  createReferralDeliveryHandler,
  REFERRAL_DELIVERY_TOPIC,
  type ReferralDeliveryDeps,
} from "../delivery/referral-delivery";
import {
  createImageProcessHandler,
  IMAGE_PROCESS_TOPIC,
  type ImageProcessDeps,
} from "../images/process-image";
import type { OutboxHandler } from "./outbox-worker";

export type OutboxHandlerDeps = ReferralDeliveryDeps & ImageProcessDeps;

/**
 * Every topic the outbox worker runs, in one place: the worker inside the API and the standalone
 * worker (`pnpm --filter @trace/api worker`) both take their handlers from here. A new kind of
 * background job is a handler and one line below.
 */
export function createOutboxHandlers(deps: OutboxHandlerDeps): Record<string, OutboxHandler> {
  return {
    [REFERRAL_DELIVERY_TOPIC]: createReferralDeliveryHandler(deps),
    [IMAGE_PROCESS_TOPIC]: createImageProcessHandler(deps),
  };
}
