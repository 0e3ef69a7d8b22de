import {
  generateReceiptCode,
  initialTipPriority,
  publicTipStatus,
  TipSubmissionSchema,
  transitionTip,
  type RandomSource,
  type TipAction,
  type TipState,
  type TriageOutcome,
} from "@trace/domain";
import type { Executor } from "../client";
import type { AuditEntry } from "../queries/audit";
import { insertMessage } from "../queries/messages";
import { insertTip, recordTipTransition } from "../queries/tips";
import { DEMO_RECEIPT_CODE, DEMO_TIP, DEMO_TIPS, type ObjectKey, type TipRow } from "./demo-data";
import type { Prng } from "./prng";
import type { DemoStaff, SeededObject } from "./seed-catalogue";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Tips arrive over the last five months. */
const TIP_WINDOW = 150 * DAY;

type Step = Exclude<TriageOutcome, "duplicate"> | "duplicate" | "route";

interface PlannedTip {
  row: TipRow;
  object: SeededObject | null;
  receivedAt: Date;
  /** Only the fixed demo tip has a known code; all others get a fresh random one. */
  fixedReceiptCode: string | null;
  steps: Step[] | null;
}

export interface TipSeedInput {
  objects: Map<ObjectKey, SeededObject>;
  staff: DemoStaff;
  random: RandomSource;
  hashReceipt(code: string): string;
  encryptContact(plain: string): string;
  prng: Prng;
  now: Date;
  audit: AuditEntry[];
}

const NOTES: Record<Step, readonly (string | null)[]> = {
  useful: [
    "Specific shop and period; worth following up.",
    "Consistent with other tips on this object.",
    null,
  ],
  not_useful: ["Too general to act on.", null],
  spam: ["Advertising, unrelated to the object."],
  duplicate: ["Same lead as an earlier tip."],
  urgent_safeguarding: ["Not about an object: handled with priority, hotline guidance shown."],
  route: ["Passed to the agency of the likely country."],
};

/**
 * Inserts the demo tips in the order they arrived, then triages them as an analyst would have:
 * recent tips are still new, older ones went through the domain's `transitionTip` rules.
 */
export async function insertDemoTips(
  tx: Executor,
  input: TipSeedInput,
): Promise<{ tips: number; tipEvents: number; messages: number }> {
  const planned = planTips(input);
  /** Earlier tips per object that a later one may duplicate. */
  const byObject = new Map<string, string[]>();
  let tipEvents = 0;
  let messages = 0;

  for (const [index, tip] of planned.entries()) {
    let state = await insertPlannedTip(tx, tip, index, input);
    tipEvents += 1;
    const earlier = tip.object ? (byObject.get(tip.object.id) ?? []) : [];
    const steps = tip.steps ?? chooseSteps(tip, earlier.length > 0, input.prng, input.now);
    let at = tip.receivedAt;
    for (const step of steps) {
      ({ state, at } = await triage(tx, state, step, earlier, at, input));
      tipEvents += 1;
    }
    messages += await insertDialogue(tx, tip, state.id, at, input);
    if (tip.object && state.triageStatus !== "spam" && state.triageStatus !== "duplicate") {
      byObject.set(tip.object.id, [...earlier, state.id]);
    }
  }
  return { tips: planned.length, tipEvents, messages };
}

/** Inserts a tip as it was received: new, with its first history entry and audit event. */
async function insertPlannedTip(
  tx: Executor,
  tip: PlannedTip,
  index: number,
  input: TipSeedInput,
): Promise<TipState> {
  const [, language, country, placeOrShop, brandOrProduct, timePeriod, confidence, text, extra] =
    tip.row;
  const concernsOtherAbuse = extra?.concernsOtherAbuse ?? false;
  // Through the public schema, as a real submission would go: bad demo data fails loudly here.
  const submission = TipSubmissionSchema.parse({
    objectRef: tip.object?.ref,
    answer: {
      country: country ?? undefined,
      placeOrShop: placeOrShop ?? undefined,
      brandOrProduct: brandOrProduct ?? undefined,
      timePeriod: timePeriod ?? undefined,
      evidenceLinks: [...(extra?.links ?? [])],
      confidence,
    },
    text: text ?? undefined,
    language,
    contact: extra?.hasContact
      ? `Email: tipster-${String(index).padStart(3, "0")}@example.net`
      : undefined,
    concernsOtherAbuse,
  });
  const receiptCode = tip.fixedReceiptCode ?? generateReceiptCode(input.random);
  const priority = initialTipPriority(concernsOtherAbuse);
  const { id } = await insertTip(tx, {
    submission,
    objectId: tip.object?.id ?? null,
    receiptHash: input.hashReceipt(receiptCode),
    contactCiphertext: submission.contact ? input.encryptContact(submission.contact) : null,
    triageStatus: "new",
    publicStatus: publicTipStatus("new"),
    priority,
    ...(extra?.lowTrust ? { trust: { trust: "low", reasons: [...extra.lowTrust] } } : {}),
    receivedAt: tip.receivedAt,
  });
  input.audit.push({
    at: tip.receivedAt,
    actorId: null,
    action: "tip.submitted",
    entityType: "tip",
    entityId: id,
  });
  return { id, triageStatus: "new", priority, duplicateOfId: null };
}

/** One triage step by the analyst, decided by the domain rule and recorded with its history. */
async function triage(
  tx: Executor,
  state: TipState,
  step: Step,
  earlier: readonly string[],
  after: Date,
  input: TipSeedInput,
): Promise<{ state: TipState; at: Date }> {
  const { prng } = input;
  const action: TipAction =
    step === "route"
      ? { type: "route" }
      : step === "duplicate"
        ? { type: "triage", outcome: "duplicate", duplicateOfId: prng.pick(earlier) }
        : { type: "triage", outcome: step };
  const result = transitionTip(state, action);
  if (!result.ok) throw new Error(`demo tip: ${step} from ${state.triageStatus}: ${result.error}`);
  const next = result.value;
  const at = later(after, input.now, prng.range(3 * HOUR, 6 * DAY), prng);
  await recordTipTransition(tx, {
    tipId: next.id,
    triageStatus: next.triageStatus,
    publicStatus: publicTipStatus(next.triageStatus),
    priority: next.priority,
    duplicateOfId: next.duplicateOfId,
    actorId: input.staff.analystId,
    at,
    note: prng.pick(NOTES[step]),
  });
  input.audit.push({
    at,
    actorId: input.staff.analystId,
    action: "tip.triaged",
    entityType: "tip",
    entityId: next.id,
  });
  return { state: next, at };
}

/**
 * A staff question and the tipster's answer. The fixed demo tip gets only the question, so a
 * newcomer can answer it with the demo receipt code. Returns the number of messages written.
 */
async function insertDialogue(
  tx: Executor,
  tip: PlannedTip,
  tipId: string,
  after: Date,
  input: TipSeedInput,
): Promise<number> {
  const extra = tip.row[8];
  const dialogue = tip.fixedReceiptCode
    ? { question: DEMO_TIP.staffMessage, answer: null }
    : extra?.dialogue && { question: extra.dialogue[0], answer: extra.dialogue[1] };
  if (!dialogue) return 0;
  const { prng, now } = input;
  const askedAt = later(after, now, prng.range(HOUR, DAY), prng);
  const answeredAt =
    dialogue.answer === null ? null : later(askedAt, now, prng.range(12 * HOUR, 3 * DAY), prng);
  await insertMessage(tx, {
    tipId,
    author: "staff",
    staffAuthorId: input.staff.analystId,
    body: dialogue.question,
    createdAt: askedAt,
    readAt: answeredAt,
  });
  if (dialogue.answer === null || answeredAt === null) return 1;
  await insertMessage(tx, {
    tipId,
    author: "tipster",
    staffAuthorId: null,
    body: dialogue.answer,
    createdAt: answeredAt,
    readAt: null,
  });
  return 2;
}

/** Places every tip in time, after its object went public, and sorts them by arrival. */
function planTips(input: TipSeedInput): PlannedTip[] {
  const { prng, now } = input;
  const windowStart = now.getTime() - TIP_WINDOW;
  const planned: PlannedTip[] = DEMO_TIPS.map((row) => {
    const object = row[0] === null ? null : input.objects.get(row[0])!;
    let start = windowStart;
    let end = now.getTime() - HOUR;
    if (object) {
      if (object.publishedAt === null) throw new Error(`demo tip on unpublished object ${row[0]}`);
      start = Math.max(start, object.publishedAt.getTime() + 2 * HOUR);
      // Tips on an object whose origin was found arrived before it was found.
      if (object.status === "origin_found")
        end = Math.min(end, object.publishedAt.getTime() + 60 * DAY);
    }
    const receivedAt = new Date(start + prng.next() * (end - start));
    return { row, object, receivedAt, fixedReceiptCode: null, steps: null };
  });
  const demoObject = DEMO_TIP.row[0] === null ? null : input.objects.get(DEMO_TIP.row[0])!;
  const demoReceivedAt = Math.max(
    now.getTime() - DEMO_TIP.receivedDaysAgo * DAY,
    (demoObject?.publishedAt?.getTime() ?? 0) + DAY,
  );
  planned.push({
    row: DEMO_TIP.row,
    object: demoObject,
    receivedAt: new Date(demoReceivedAt),
    fixedReceiptCode: DEMO_RECEIPT_CODE,
    steps: ["useful"],
  });
  return planned.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** What an analyst would have done with the tip by now: nothing yet if it is recent. */
function chooseSteps(tip: PlannedTip, hasEarlier: boolean, prng: Prng, now: Date): Step[] {
  const extra = tip.row[8] ?? {};
  const ageDays = (now.getTime() - tip.receivedAt.getTime()) / DAY;
  if (extra.concernsOtherAbuse) {
    if (ageDays < 0.5) return [];
    return ageDays > 45 ? ["urgent_safeguarding", "route"] : ["urgent_safeguarding"];
  }
  if (extra.verdict === "routed") return ["useful", "route"];
  if (extra.verdict === "duplicate" && !hasEarlier) return ["not_useful"];
  if (extra.verdict && extra.verdict !== "new") return [extra.verdict];
  if (extra.dialogue) return ["useful"];
  if (ageDays < 4) return [];
  const r = prng.next();
  if (r < 0.12) return [];
  if (r < 0.38) return ["useful"];
  if (r < 0.56) return ["useful", "route"];
  if (r < 0.84 || !hasEarlier) return ["not_useful"];
  return ["duplicate"];
}

/** A moment after `from`, at most `delay` later and always before `now`. */
function later(from: Date, now: Date, delay: number, prng: Prng): Date {
  const room = now.getTime() - from.getTime();
  return new Date(from.getTime() + Math.min(delay, room * prng.range(0.2, 0.6)));
}
