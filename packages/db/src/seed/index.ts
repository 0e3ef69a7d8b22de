import { sql } from "drizzle-orm";
import type { RandomSource } from "@trace/domain";
import type { Database } from "../client";
import type { MediaStore } from "../media-store";
import { hasAnyAgency } from "../queries/agencies";
import { appendAuditEvent, type AuditEntry } from "../queries/audit";
import { setAgencyDelivery } from "../queries/delivery";
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_RECEIPT_CODE, DEMO_WEBHOOK } from "./demo-data";
import { mulberry32 } from "./prng";
import { insertDemoRouting } from "./seed-routing";
import {
  insertDemoAgenciesAndStaff,
  insertDemoCases,
  insertDemoObjects,
  storeDemoImages,
} from "./seed-catalogue";
import { insertDemoTips } from "./seed-tips";
import {
  hashDemoImages,
  insertDemoImageHashes,
  insertDemoTipPhotos,
  storeDemoTipPhotos,
} from "./seed-similarity";

export { DEMO_ACCOUNTS, DEMO_RECEIPT_CODE, DEMO_WEBHOOK, type DemoAccount } from "./demo-data";
export { renderImage, type ImageSpec, type RenderedImage } from "./images";

export interface SeedDeps {
  media: MediaStore;
  hashPassword(password: string): Promise<string>;
  /** keyed hash of a receipt code as stored in tips.receipt_hash */
  hashReceipt(code: string): string;
  /** ciphertext of contact details for tips.contact_ciphertext */
  encryptContact(plain: string): string;
  /** ciphertext of a staff TOTP secret for staff_users.totp_secret_ciphertext */
  encryptSecret(plain: string): string;
  /** Object refs and receipt codes come from here; everything else in the seed is fixed. */
  random: RandomSource;
  /** Every date in the demo is placed relative to this instant. */
  now: Date;
  /**
   * The 64-bit perceptual hash (16 hex digits) the API computes for every image, so the demo's
   * similarity panels work at once. Absent: the images are left for the processing job to index.
   */
  perceptualHash?: ((bytes: Uint8Array) => Promise<string>) | undefined;
  /**
   * Where the demo webhook agency (`DEMO_WEBHOOK.agencyCode`) delivers, and its secret encrypted
   * as the API stores it. Absent: every demo agency uses the portal.
   */
  demoWebhook?: { url: string; secretCiphertext: string } | undefined;
}

export interface SeedResult {
  seeded: boolean;
  /** Rows inserted by this run, by table; empty when nothing was seeded. */
  counts: Record<string, number>;
}

/** Serialises concurrent seeders (two API instances starting together): the second one waits, then skips. */
const SEED_LOCK = 0x7472_5345;
/** Layout and timing of the demo come from a fixed seed, so every install looks the same. */
const PRNG_SEED = 20_170_601;

/**
 * Fills an empty database with the demo data set. Does nothing if any agency exists.
 * Images go to the media store first (content-addressed, so a re-run or a crash leaves at most
 * unreferenced files); every row goes in one transaction, so the database is never half-seeded.
 */
export async function seedDemoData(database: Database, deps: SeedDeps): Promise<SeedResult> {
  if (await hasAnyAgency(database.db)) return { seeded: false, counts: {} };

  const images = await storeDemoImages(deps.media);
  const tipPhotos = await storeDemoTipPhotos(deps.media);
  const imageHashes = deps.perceptualHash
    ? await hashDemoImages(
        deps.media,
        [...[...images.values()].flat(), ...tipPhotos].map((image) => image.storageKey),
        deps.perceptualHash,
      )
    : null;
  const passwordHashes = await Promise.all(
    DEMO_ACCOUNTS.map((account) => deps.hashPassword(account.password)),
  );
  const prng = mulberry32(PRNG_SEED);

  const counts = await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasAnyAgency(tx)) return null;

    const audit: AuditEntry[] = [];
    const { agencyIds, staff } = await insertDemoAgenciesAndStaff(
      tx,
      passwordHashes,
      DEMO_ACCOUNTS.map((account) => deps.encryptSecret(account.totpSecret)),
    );
    if (deps.demoWebhook) {
      await setAgencyDelivery(tx, agencyIds.get(DEMO_WEBHOOK.agencyCode)!, {
        deliveryChannel: "webhook",
        webhookUrl: deps.demoWebhook.url,
        webhookSecretCiphertext: deps.demoWebhook.secretCiphertext,
      });
    }
    const series = await insertDemoCases(tx, agencyIds, deps.now);
    const objects = await insertDemoObjects(tx, {
      series,
      images,
      staff,
      random: deps.random,
      prng,
      now: deps.now,
      audit,
    });
    const tipCounts = await insertDemoTips(tx, {
      objects,
      staff,
      random: deps.random,
      hashReceipt: deps.hashReceipt,
      encryptContact: deps.encryptContact,
      prng,
      now: deps.now,
      audit,
    });

    const routingCounts = await insertDemoRouting(tx, {
      agencyIds,
      staff,
      prng,
      now: deps.now,
      audit,
      random: deps.random,
    });

    const hashedImages = imageHashes ? await insertDemoImageHashes(tx, imageHashes) : 0;
    const tipPhotoCount = await insertDemoTipPhotos(tx, {
      photos: tipPhotos,
      demoTipReceiptHash: deps.hashReceipt(DEMO_RECEIPT_CODE),
      hashes: imageHashes,
    });

    // The chain is appended in time order, as it would have been written live.
    audit.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const entry of audit) await appendAuditEvent(tx, entry);

    return {
      agencies: agencyIds.size,
      staffUsers: DEMO_ACCOUNTS.length,
      cases: DEMO_CASES.length,
      series: series.size,
      objects: objects.size,
      objectImages: [...images.values()].reduce((n, list) => n + list.length, 0),
      imageHashes: hashedImages + (imageHashes ? tipPhotoCount : 0),
      tipPhotos: tipPhotoCount,
      ...tipCounts,
      ...routingCounts,
      auditEvents: audit.length,
    };
  });
  return counts ? { seeded: true, counts } : { seeded: false, counts: {} };
}
