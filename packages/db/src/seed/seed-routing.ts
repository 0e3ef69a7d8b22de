import {
  evaluateRouting,
  REFERRAL_DISPOSITIONS,
  type ReferralDisposition,
  type RoutingRule,
} from "@trace/domain";
import type { Executor } from "../client";
import type { AuditEntry } from "../queries/audit";
import { enqueueOutboxJob } from "../queries/outbox";
import { insertReferral, REFERRAL_DELIVERY_TOPIC } from "../queries/referrals";
import {
  getRoutingTips,
  insertRoutingRule,
  listRoutedTipIds,
  listRoutingRules,
  toRoutingFacts,
  type RoutingRuleContent,
} from "../queries/routing";
import { referrals } from "../schema";
import { eq } from "drizzle-orm";
import { DEMO_AGENCIES } from "./data/agencies";
import type { DemoStaff } from "./seed-catalogue";
import type { Prng } from "./prng";

const DAY = 86_400_000;

/**
 * The demo rule set: safeguarding wording first, then one rule per country (the tip names it,
 * or the series is at least likely there), and one disabled pilot rule to show that state.
 */
function demoRules(agencyIds: Map<string, string>): RoutingRuleContent[] {
  const id = (code: string) => agencyIds.get(code)!;
  return [
    {
      name: "Safeguarding wording: urgent, with a person's review",
      isEnabled: true,
      condition: {
        type: "keywords",
        keywords: ["in danger", "happening now", "still there", "right now"],
      },
      actions: [{ type: "set_priority", priority: "urgent" }, { type: "require_human_review" }],
    },
    ...DEMO_AGENCIES.filter((a) => a.country !== null).map((a): RoutingRuleContent => ({
      name: `${a.name.split(" — ")[0]}: the tip or the series points there`,
      isEnabled: true,
      condition: {
        type: "any",
        conditions: [
          { type: "tip_country", countries: [a.country!] },
          {
            type: "series_suspected_country",
            countries: [a.country!],
            minConfidence: "likely",
          },
        ],
      },
      actions: [{ type: "refer", agencyIds: [id(a.code)] }],
    })),
    {
      name: "Pilot: German-language tips also to Germany",
      isEnabled: false,
      condition: { type: "tip_language", languages: ["de"] },
      actions: [{ type: "refer", agencyIds: [id("DE-BKA")] }],
    },
  ];
}

/**
 * Rules, then referrals for the tips the demo analyst routed: each goes to the first agency the
 * rules suggest, grouped per object and agency, at every step of the referral lifecycle. The
 * youngest stay pending with their delivery job queued, so the worker delivers them at start.
 */
export async function insertDemoRouting(
  tx: Executor,
  input: {
    agencyIds: Map<string, string>;
    staff: DemoStaff;
    prng: Prng;
    now: Date;
    audit: AuditEntry[];
    random(bytes: number): Uint8Array;
  },
): Promise<{ routingRules: number; referrals: number }> {
  const firstAt = new Date(input.now.getTime() - 120 * DAY);
  for (const rule of demoRules(input.agencyIds)) {
    const ruleId = await insertRoutingRule(tx, {
      ...rule,
      authorId: input.staff.coordinatorId,
      at: firstAt,
    });
    input.audit.push({
      at: firstAt,
      actorId: input.staff.coordinatorId,
      action: "routing_rule.created",
      entityType: "routing_rule",
      entityId: ruleId,
    });
  }
  const rules: RoutingRule[] = await listRoutingRules(tx);
  const context = {
    agencies: new Map(
      DEMO_AGENCIES.map((a) => [input.agencyIds.get(a.code)!, { name: a.name, code: a.code }]),
    ),
  };

  const routed = await listRoutedTipIds(tx);
  const rows = new Map(
    (
      await getRoutingTips(
        tx,
        routed.map((t) => t.id),
      )
    ).map((r) => [r.tipId, r]),
  );
  const groups = new Map<
    string,
    { agencyId: string; suggested: boolean; objectId: string | null; tipIds: string[]; at: Date }
  >();
  for (const tip of routed) {
    const row = rows.get(tip.id)!;
    const decision = evaluateRouting(toRoutingFacts(row), rules, context);
    // Where no rule points to a country, the analyst sent the lead to the international unit.
    const agencyId = decision.referTo[0]?.agencyId ?? input.agencyIds.get("INTERPOL")!;
    const key = `${row.object?.id ?? "general"}:${agencyId}`;
    const group = groups.get(key);
    if (group) {
      group.tipIds.push(tip.id);
      if (tip.at > group.at) group.at = tip.at;
    } else {
      groups.set(key, {
        agencyId,
        suggested: decision.referTo.length > 0,
        objectId: row.object?.id ?? null,
        tipIds: [tip.id],
        at: tip.at,
      });
    }
  }

  let count = 0;
  for (const group of groups.values()) {
    const at = new Date(group.at.getTime() + 60_000);
    const key = Buffer.from(input.random(16)).toString("hex");
    const suggested = group.suggested ? [group.agencyId] : [];
    const referralId = await insertReferral(tx, {
      agencyId: group.agencyId,
      objectId: group.objectId,
      tipIds: group.tipIds,
      idempotencyKey: key,
      createdById: input.staff.analystId,
      suggestedAgencyIds: suggested,
      overrideReason: null,
      at,
    });
    count += 1;
    input.audit.push({
      at,
      actorId: input.staff.analystId,
      action: "referral.created",
      entityType: "referral",
      entityId: referralId,
    });
    const ageDays = (input.now.getTime() - at.getTime()) / DAY;
    if (ageDays < 3) {
      await enqueueOutboxJob(tx, {
        topic: REFERRAL_DELIVERY_TOPIC,
        idempotencyKey: key,
        payload: { referralId },
      });
      continue;
    }
    const deliveredAt = new Date(at.getTime() + input.prng.int(1, 30) * 1000);
    const ackAt = new Date(deliveredAt.getTime() + input.prng.range(0.2, 3) * DAY);
    const disposedAt = new Date(ackAt.getTime() + input.prng.range(2, 20) * DAY);
    const acknowledged = ackAt < input.now && input.prng.chance(0.8);
    const disposed = acknowledged && disposedAt < input.now && input.prng.chance(0.6);
    const disposition: ReferralDisposition = input.prng.pick(REFERRAL_DISPOSITIONS);
    await tx
      .update(referrals)
      .set({
        status: disposed ? "disposed" : acknowledged ? "acknowledged" : "delivered",
        deliveredAt,
        acknowledgedAt: acknowledged ? ackAt : null,
        disposedAt: disposed ? disposedAt : null,
        disposition: disposed ? disposition : null,
        dispositionNote:
          disposed && disposition === "other" ? "Passed to a regional unit for follow-up." : null,
      })
      .where(eq(referrals.id, referralId));
    input.audit.push({
      at: deliveredAt,
      actorId: null,
      action: "referral.delivered",
      entityType: "referral",
      entityId: referralId,
    });
  }
  return { routingRules: rules.length, referrals: count };
}
