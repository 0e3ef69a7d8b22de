import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { tipPhotos } from "./images";
import { objectImages } from "./objects";

/** One 16-bit slice of the hash, derived by the database so it can never disagree with it. */
const band = (shift: 48 | 32 | 16 | 0) =>
  integer()
    .notNull()
    .generatedAlwaysAs(sql.raw(`(("hash" >> ${shift}) & 65535)::integer`));

/**
 * The 64-bit perceptual hash of every image, object image or tipster photo (exactly one owner,
 * deleted with it). `hash` holds the 64 bits as a signed bigint; Hamming distance is
 * `bit_count((hash # q)::bit(64))`, which PostgreSQL 14+ and PGlite both have.
 *
 * The four bands are the multi-index: any two hashes within distance d agree to within
 * floor(d / 4) bits on at least one band (pigeonhole), so a search looks up each band's few
 * neighbouring values in its btree and checks the exact distance only on those candidates.
 * See docs/adr/0006-perceptual-hash-and-similarity-index.md for the measurements.
 */
export const imageHashes = pgTable(
  "image_hashes",
  {
    id: id(),
    objectImageId: uuid().references(() => objectImages.id, { onDelete: "cascade" }),
    tipPhotoId: uuid().references(() => tipPhotos.id, { onDelete: "cascade" }),
    hash: bigint({ mode: "bigint" }).notNull(),
    band0: band(48),
    band1: band(32),
    band2: band(16),
    band3: band(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.objectImageId),
    uniqueIndex().on(t.tipPhotoId),
    // (band, hash): a search reads candidates' hashes from the index alone (index-only scans).
    index().on(t.band0, t.hash),
    index().on(t.band1, t.hash),
    index().on(t.band2, t.hash),
    index().on(t.band3, t.hash),
    // Then the few matching hashes lead back to their images.
    index().on(t.hash),
    check("image_hashes_one_owner", sql`num_nonnulls(${t.objectImageId}, ${t.tipPhotoId}) = 1`),
  ],
);
