import {
  generateObjectRef,
  isSeriesNarrowed,
  type ObjectStatus,
  type RandomSource,
} from "@trace/domain";
import type { Executor } from "../client";
import type { MediaStore } from "../media-store";
import type { AuditEntry } from "../queries/audit";
import { insertAgencies } from "../queries/agencies";
import { insertCase, insertSeries, insertSeriesOutcome } from "../queries/cases";
import { enqueuePendingObjectImages } from "../queries/images";
import { insertObject, type NewObjectImage } from "../queries/objects";
import { insertStaffUser } from "../queries/staff";
import {
  DEMO_ACCOUNTS,
  DEMO_AGENCIES,
  DEMO_CASES,
  DEMO_OBJECTS,
  type ObjectKey,
} from "./demo-data";
import { renderImage } from "./images";
import type { Prng } from "./prng";

const DAY = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** Renders every demo image and stores it; keys are content hashes, so a re-run stores nothing new. */
export async function storeDemoImages(
  media: MediaStore,
): Promise<Map<ObjectKey, NewObjectImage[]>> {
  const entries = await Promise.all(
    DEMO_OBJECTS.map(async (object) => {
      const images = await Promise.all(
        object.images.map(async ({ alt, ...spec }) => {
          const rendered = await renderImage(spec);
          const storageKey = await media.put(rendered.bytes);
          return {
            storageKey,
            mediaType: rendered.mediaType,
            width: rendered.width,
            height: rendered.height,
            alt,
          };
        }),
      );
      return [object.key, images] as const;
    }),
  );
  return new Map(entries);
}

export interface DemoStaff {
  analystId: string;
  coordinatorId: string;
}

export async function insertDemoAgenciesAndStaff(
  tx: Executor,
  passwordHashes: readonly string[],
  totpSecretCiphertexts: readonly string[],
): Promise<{ agencyIds: Map<string, string>; staff: DemoStaff }> {
  const agencyIds = await insertAgencies(
    tx,
    DEMO_AGENCIES.map((a) => ({
      code: a.code,
      name: a.name,
      country: a.country,
      deliveryChannel: "portal",
      webhookUrl: null,
      languages: [...a.languages],
    })),
  );
  const ids = new Map<string, string>();
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    const agencyId = account.agencyCode ? agencyIds.get(account.agencyCode) : null;
    if (agencyId === undefined)
      throw new Error(`demo account ${account.email}: unknown agency ${account.agencyCode}`);
    const user = await insertStaffUser(tx, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      agencyId,
      passwordHash: passwordHashes[i]!,
      totpSecretCiphertext: totpSecretCiphertexts[i]!,
    });
    ids.set(account.role, user.id);
  }
  return {
    agencyIds,
    staff: { analystId: ids.get("analyst")!, coordinatorId: ids.get("coordinator")! },
  };
}

/** Returns series ids and creation times by series code. */
export async function insertDemoCases(
  tx: Executor,
  agencyIds: Map<string, string>,
  now: Date,
): Promise<Map<string, { id: string; createdAt: Date }>> {
  const seriesByCode = new Map<string, { id: string; createdAt: Date }>();
  for (const demoCase of DEMO_CASES) {
    const createdAt = daysBefore(now, demoCase.enteredDaysAgo);
    const caseId = await insertCase(tx, {
      reference: demoCase.reference,
      title: demoCase.title,
      leadAgencyId: agencyIds.get(demoCase.leadAgency)!,
      status: demoCase.status,
      createdAt,
    });
    for (const [index, s] of demoCase.series.entries()) {
      // A narrowed series got there two to three months after the case was entered; its outcome
      // was recorded six weeks later (dates for the public statistics timeline).
      const narrowedAt = isSeriesNarrowed(s)
        ? daysBefore(now, demoCase.enteredDaysAgo - 60 - 15 * index)
        : null;
      const id = await insertSeries(tx, {
        caseId,
        code: s.code,
        title: s.title,
        suspectedCountries: [...s.suspectedCountries],
        status: s.status,
        victimsIdentified: s.victimsIdentified,
        offendersProsecuted: s.offendersProsecuted,
        narrowedAt,
        createdAt,
      });
      if (s.victimsIdentified > 0 || s.offendersProsecuted > 0) {
        await insertSeriesOutcome(tx, {
          seriesId: id,
          at: new Date((narrowedAt ?? createdAt).getTime() + 45 * DAY),
          victimsIdentified: s.victimsIdentified,
          offendersProsecuted: s.offendersProsecuted,
        });
      }
      seriesByCode.set(s.code, { id, createdAt });
    }
  }
  return seriesByCode;
}

export interface SeededObject {
  id: string;
  ref: string;
  status: ObjectStatus;
  publishedAt: Date | null;
}

const APPROVED: readonly ObjectStatus[] = ["approved", "published", "origin_found"];

/**
 * Published objects went public over the last months; objects whose origin was found went public
 * earliest. Work in progress (draft, in review, approved) was created in the last weeks.
 */
export async function insertDemoObjects(
  tx: Executor,
  input: {
    series: Map<string, { id: string; createdAt: Date }>;
    images: Map<ObjectKey, NewObjectImage[]>;
    staff: DemoStaff;
    random: RandomSource;
    prng: Prng;
    now: Date;
    audit: AuditEntry[];
  },
): Promise<Map<ObjectKey, SeededObject>> {
  const { staff, prng, now, audit } = input;
  const seeded = new Map<ObjectKey, SeededObject>();
  for (const object of DEMO_OBJECTS) {
    const series = input.series.get(object.series)!;
    const seriesAgeDays = (now.getTime() - series.createdAt.getTime()) / DAY;
    let publishedAt: Date | null = null;
    let createdAt: Date;
    if (object.status === "published" || object.status === "origin_found") {
      const maxAge = Math.min(object.status === "origin_found" ? 175 : 160, seriesAgeDays - 25);
      const minAge = object.status === "origin_found" ? maxAge - 15 : 3;
      publishedAt = daysBefore(now, prng.range(minAge, maxAge));
      createdAt = new Date(publishedAt.getTime() - prng.range(4, 20) * DAY);
    } else {
      createdAt = daysBefore(now, prng.range(2, 20));
    }
    const ref = generateObjectRef(input.random);
    const isApproved = APPROVED.includes(object.status);
    const id = await insertObject(
      tx,
      {
        ref,
        seriesId: series.id,
        category: object.category,
        title: object.title,
        question: object.question,
        regionHint: object.regionHint ?? null,
        status: object.status,
        authorId: staff.analystId,
        approvedById: isApproved ? staff.coordinatorId : null,
        publishedAt,
        // Found a month after publication (or halfway to today, for a recent one).
        originFoundAt:
          object.status === "origin_found" && publishedAt
            ? new Date(
                publishedAt.getTime() +
                  Math.min(30 * DAY, (now.getTime() - publishedAt.getTime()) / 2),
              )
            : null,
        createdAt,
      },
      input.images.get(object.key)!,
    );
    // Demo images take the same road as uploads: the `image.process` job makes their AVIF, WebP
    // and JPEG variants once the API's worker runs (the originals are served until then).
    await enqueuePendingObjectImages(tx, id);
    seeded.set(object.key, { id, ref, status: object.status, publishedAt });
    audit.push({
      at: createdAt,
      actorId: staff.analystId,
      action: "object.created",
      entityType: "object",
      entityId: id,
    });
    if (object.status !== "draft") {
      // One entry for the step that brought the object where it is; enough history for a demo.
      const at = publishedAt ?? new Date(createdAt.getTime() + prng.range(0.2, 1) * DAY);
      const actorId = isApproved ? staff.coordinatorId : staff.analystId;
      audit.push({
        at,
        actorId,
        action: "object.transitioned",
        entityType: "object",
        entityId: id,
      });
    }
  }
  return seeded;
}
