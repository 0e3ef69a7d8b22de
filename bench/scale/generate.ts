/**
 * The scale data set (issue 7): a seeded, deterministic generator that fills an empty PostgreSQL
 * database with Trace's own migrations and then 100,000 objects, 1,000,000 tips, 1,000,000 image
 * hashes, 50 agencies and 200 routing rules. Rows are made by the database itself
 * (`INSERT … SELECT` over `generate_series`, every random choice a hash of the seed and the row
 * number; see sql-functions.ts), in batches, so a million tips take a minute or two rather than
 * a million round trips. What it leaves out on purpose, and why, is in bench/README.md.
 */
import { createDb, bigintToHash } from "@trace/db";
import {
  isSeriesNarrowed,
  LOCALES,
  OBJECT_CATEGORIES,
  publicTipStatus,
  REFERRAL_DISPOSITIONS,
  TRIAGE_STATUSES,
  type SeriesStatus,
  type SuspectedCountry,
} from "@trace/domain";
import pg from "pg";
import { createDraw, type Draw } from "./draw";
import {
  AGENCY_COUNTRIES,
  BRANDS,
  OBJECT_NOUNS,
  OBJECT_QUESTIONS,
  PLACES,
  TIME_PERIODS,
  TIP_LANGUAGES,
} from "./lexicon";
import { generateRules } from "./rules";
import { CREATE_HELPERS, DROP_HELPERS } from "./sql-functions";

export interface ScaleOptions {
  databaseUrl: string;
  /** Default 1. */
  seed?: number;
  objects?: number;
  tips?: number;
  hashes?: number;
  agencies?: number;
  rules?: number;
  /**
   * Every date is placed relative to this instant (default: now, to the second), so the data
   * looks current whenever it is made; pass a fixed one to make two runs byte-identical.
   */
  now?: Date;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ScaleSummary {
  seed: number;
  counts: Record<string, number>;
  durationMs: number;
  /** The most-tipped public objects first, then a spread of others. */
  sampleObjectRefs: string[];
  /** 16-hex-char hashes: object images' own hashes and near ones (a few bits flipped). */
  sampleHashes: string[];
  /** Words that occur in tip texts in every language, for full-text search queries. */
  searchTerms: string[];
  agencyIds: string[];
  /** The countries tips name most often, most frequent first. */
  countries: string[];
  /** Milliseconds per phase, in order. */
  phases: { phase: string; durationMs: number }[];
}

export const FULL_SIZES = {
  objects: 100_000,
  tips: 1_000_000,
  hashes: 1_000_000,
  agencies: 50,
  rules: 200,
} as const;

/** Two cores here: one connection each keeps both busy while Node waits. */
const WORKERS = 2;
const TIP_BATCH = 25_000;
const PHOTO_BATCH = 25_000;
const OBJECT_BATCH = 20_000;
const DAY = "interval '1 day'";

/** Share of tips about no particular object (general tips). */
const GENERAL_TIP_SHARE = 0.08;
/**
 * Popularity: the object of a tip is rank floor(n · u^POPULARITY_EXPONENT) of the public objects
 * in a seeded order. With 5, the top 1 % of objects draw about 40 % of the tips and the top 10 %
 * about 63 % (a Zipf-like long tail), while the least popular still get a couple each.
 */
const POPULARITY_EXPONENT = 5;

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min} (got ${value})`);
  }
  return value;
}

export async function generateScaleData(options: ScaleOptions): Promise<ScaleSummary> {
  const started = performance.now();
  const seed = checkCount("seed", options.seed ?? 1, 0);
  const size = {
    objects: checkCount("objects", options.objects ?? FULL_SIZES.objects, 1),
    tips: checkCount("tips", options.tips ?? FULL_SIZES.tips, 0),
    hashes: checkCount("hashes", options.hashes ?? FULL_SIZES.hashes, 0),
    agencies: checkCount("agencies", options.agencies ?? FULL_SIZES.agencies, 1),
    rules: checkCount("rules", options.rules ?? FULL_SIZES.rules, 0),
  };
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const progress = options.onProgress ?? (() => {});
  const phases: ScaleSummary["phases"] = [];

  // Trace's own migrations, through @trace/db as the API applies them.
  const database = await createDb({ url: options.databaseUrl, poolSize: 1 });
  try {
    progress("migrate", 0, 1);
    await database.migrate();
    progress("migrate", 1, 1);
  } finally {
    await database.close();
  }
  phases.push({ phase: "migrate", durationMs: performance.now() - started });

  // The helper schema's work tables are ordinary (unlogged) tables, so every connection sees them.
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const worker = new pg.Client({ connectionString: options.databaseUrl });
      await worker.connect();
      // A bulk load of synthetic rows: losing the last commits in a crash costs nothing here.
      await worker.query("set synchronous_commit = off");
      await worker.query("set work_mem = '64MB'");
      // The planner cannot estimate generated rows and would JIT-compile every batch's
      // expressions, which costs far more than running them.
      await worker.query("set jit = off");
      return worker;
    }),
  );
  const client = workers[0]!;
  try {
    const { rows: existing } = await client.query<{ n: number }>(
      "select (select count(*) from agencies) + (select count(*) from trace_objects) + (select count(*) from tips) + (select count(*) from staff_users) as n",
    );
    if (Number(existing[0]!.n) > 0) {
      throw new Error("the scale generator needs an empty database; this one already holds data");
    }
    await client.query(DROP_HELPERS);
    await client.query(CREATE_HELPERS);

    const ctx: Context = {
      client,
      workers,
      seed,
      size,
      now: now.toISOString(),
      draw: createDraw(seed),
      progress,
    };
    const timed = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const result = await run();
      phases.push({ phase, durationMs: performance.now() - t0 });
      return result;
    };

    await timed("lexicon", () => loadLexicon(ctx));
    const indexes = await timed("drop indexes", () => dropSecondaryIndexes(client));
    const agencies = await timed("agencies", () => insertAgencies(ctx));
    await timed("cases", () => insertCasesAndSeries(ctx, agencies));
    await timed("objects", () => insertObjects(ctx));
    const objectImages = await timed("object images", () => insertObjectImages(ctx));
    await timed("tips", () => insertTips(ctx));
    await timed("duplicates", () => linkDuplicates(ctx));
    await timed("tip photos", () => insertTipPhotos(ctx, Math.max(0, size.hashes - objectImages)));
    await timed("referrals", () => insertReferrals(ctx));
    const sampleObjectRefs = await timed("routing rules", () => insertRules(ctx, agencies));
    await timed("indexes", () => rebuildIndexes(ctx, indexes));
    await timed("analyze", async () => {
      progress("analyze", 0, 1);
      await client.query(DROP_HELPERS);
      await client.query("analyze");
      progress("analyze", 1, 1);
    });

    const summary = await describe(client, seed);
    return {
      ...summary,
      seed,
      sampleObjectRefs,
      agencyIds: agencies.map((a) => a.id),
      searchTerms: [...BRANDS, ...PLACES],
      durationMs: performance.now() - started,
      phases,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.end()));
  }
}

/**
 * Runs `run` over rows [first, last] in batches of `size`, one batch per worker connection at a
 * time. Every batch is keyed by its row numbers alone, so the order they finish in changes nothing.
 */
async function inBatches(
  ctx: Context,
  phase: string,
  [first, last]: [number, number],
  size: number,
  run: (client: pg.Client, from: number, to: number) => Promise<void>,
): Promise<void> {
  const total = Math.max(0, last - first + 1);
  let next = first;
  let done = 0;
  ctx.progress(phase, 0, total);
  await Promise.all(
    ctx.workers.map(async (client) => {
      while (next <= last) {
        const from = next;
        const to = Math.min(last, from + size - 1);
        next = to + 1;
        await run(client, from, to);
        done += to - from + 1;
        ctx.progress(phase, done, total);
      }
    }),
  );
}

/** The tables the bulk of the rows go to. */
const BULK_TABLES = [
  "object_images",
  "image_variants",
  "tips",
  "tip_events",
  "messages",
  "tip_photos",
  "image_hashes",
  "referrals",
  "referral_tips",
];

interface IndexDefinition {
  drop: string;
  create: string;
}

/**
 * Keeping a dozen btrees in step row by row, most keyed by random uuids, is what slows a bulk
 * load most; building each once from sorted data at the end is several times faster. The
 * indexes that back constraints (primary keys, unique constraints) stay, and so do foreign keys.
 * Rebuilt from `pg_indexes`, they are exactly what Trace's migrations made.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `select format('drop index %I.%I', i.schemaname, i.indexname) as drop, i.indexdef as create
     from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (
         select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
     order by i.tablename, i.indexname`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.query(index.drop);
  return rows;
}

async function rebuildIndexes(ctx: Context, indexes: IndexDefinition[]): Promise<void> {
  await ctx.client.query("set maintenance_work_mem = '256MB'");
  ctx.progress("indexes", 0, indexes.length);
  for (const [i, index] of indexes.entries()) {
    await ctx.client.query(index.create);
    ctx.progress("indexes", i + 1, indexes.length);
  }
}

interface Context {
  client: pg.Client;
  /** Connections that make batches side by side: the database does the work, on every core. */
  workers: pg.Client[];
  seed: number;
  size: { objects: number; tips: number; hashes: number; agencies: number; rules: number };
  /** ISO instant every date is relative to. */
  now: string;
  draw: Draw;
  progress: (phase: string, done: number, total: number) => void;
}

/** `'<now>'::timestamptz`; the ISO string comes from Date, so it needs no escaping. */
const nowSql = (ctx: Context) => `'${ctx.now}'::timestamptz`;
/** `'<seed>:<tag>:'`: the prefix of every hashed key. */
const key = (ctx: Context, tag: string) => `'${ctx.seed}:${tag}:'`;

async function loadLexicon(ctx: Context): Promise<void> {
  const total = TIP_LANGUAGES.reduce((sum, l) => sum + l.weight, 0);
  let cumulative = 0;
  const languages = TIP_LANGUAGES.map((l) => {
    const lo = cumulative / total;
    cumulative += l.weight;
    return { ...l, lo, hi: l === TIP_LANGUAGES.at(-1) ? 1.000001 : cumulative / total };
  });
  // A tip's language is one lookup in a table of 1,000 slots shared out by weight.
  const slots = Array.from({ length: 1000 }, (_, i) =>
    languages.findIndex((l) => (i + 0.5) / 1000 < l.hi),
  );
  await ctx.client.query(
    `create unlogged table scale_gen.languages as
     select (row_number() over () - 1)::int as idx, * from json_to_recordset($1::json)
       as x(code text, templates text[], nouns text[], countries text[])`,
    [JSON.stringify(languages)],
  );
  await ctx.client.query(
    `create unlogged table scale_gen.lexicon as
     select $1::text[] as brands, $2::text[] as places, $3::text[] as periods,
            $4::text[] as countries, $5::text[] as categories, $6::text[] as dispositions,
            $7::int[] as language_slots`,
    [
      BRANDS,
      PLACES,
      TIME_PERIODS,
      AGENCY_COUNTRIES,
      OBJECT_CATEGORIES,
      REFERRAL_DISPOSITIONS,
      slots,
    ],
  );
  await ctx.client.query(
    `create unlogged table scale_gen.object_words as
     select * from json_to_recordset($1::json) as x(locale text, position int, nouns text[], question text)`,
    [
      JSON.stringify(
        LOCALES.map((locale, position) => ({
          locale,
          position,
          nouns: OBJECT_NOUNS[locale],
          question: OBJECT_QUESTIONS[locale],
        })),
      ),
    ],
  );
}

interface Agency {
  id: string;
  country: string | null;
}

async function insertAgencies(ctx: Context): Promise<Agency[]> {
  const { draw } = ctx;
  const rows = Array.from({ length: ctx.size.agencies }, (_, i) => {
    // The first agency is the international unit that takes leads no national rule claims.
    const country = i === 0 ? null : AGENCY_COUNTRIES[(i - 1) % AGENCY_COUNTRIES.length]!;
    const languages = country
      ? [
          ...new Set([
            ...TIP_LANGUAGES.filter((l) => l.countries[0] === country).map((l) => l.code),
            "en",
          ]),
        ]
      : ["en", "fr"];
    const round = Math.floor((i - 1) / AGENCY_COUNTRIES.length);
    return {
      i,
      code: country ? `SCALE-${country}${round ? `-${round + 1}` : ""}` : "SCALE-INTL",
      name: country
        ? `${country} national child protection unit${round ? ` (region ${round + 1})` : ""}`
        : "International liaison unit",
      country,
      languages,
      is_active: !draw.chance(`agency:${i}:inactive`, 0.04),
    };
  });
  ctx.progress("agencies", 0, rows.length);
  await ctx.client.query(
    `insert into agencies (id, code, name, country, delivery_channel, languages, is_active)
     select scale_gen.uid(${key(ctx, "agency")} || i), code, name, country, 'portal', languages, is_active
     from json_to_recordset($1::json) as x(i int, code text, name text, country text, languages text[], is_active boolean)
     order by i`,
    [JSON.stringify(rows)],
  );
  const { rows: inserted } = await ctx.client.query<Agency>(
    "select id, country from agencies order by code",
  );
  // Staff rows exist only because objects must name an author and an approver: two disabled
  // accounts with no usable password, so nobody can sign in with them (the bench makes its own).
  await ctx.client.query(
    `insert into staff_users (id, email, display_name, role, password_hash, is_disabled, created_at)
     values (scale_gen.uid(${key(ctx, "staff")} || 'author'), 'scale-author@scale.invalid', 'Scale data author', 'analyst', '!', true, ${nowSql(ctx)} - 1500 * ${DAY}),
            (scale_gen.uid(${key(ctx, "staff")} || 'approver'), 'scale-approver@scale.invalid', 'Scale data approver', 'coordinator', '!', true, ${nowSql(ctx)} - 1500 * ${DAY})`,
  );
  ctx.progress("agencies", rows.length, rows.length);
  return inserted;
}

const SERIES_STATUS_SHARES: [SeriesStatus, number][] = [
  ["unassessed", 0.35],
  ["assessing", 0.3],
  ["country_narrowed", 0.15],
  ["handed_over", 0.1],
  ["victim_identified", 0.07],
  ["closed", 0.03],
];

async function insertCasesAndSeries(ctx: Context, agencies: Agency[]): Promise<void> {
  const { draw } = ctx;
  const caseCount = Math.max(1, Math.ceil(ctx.size.objects / 500));
  const seriesCount = Math.max(1, Math.ceil(ctx.size.objects / 100));
  ctx.progress("cases", 0, caseCount + seriesCount);
  const cases = Array.from({ length: caseCount }, (_, i) => ({
    i,
    reference: `SCALE-${String(i + 1).padStart(5, "0")}`,
    title: `Scale case ${i + 1}`,
    lead: agencies[i % agencies.length]!.id,
    status: draw.chance(`case:${i}:closed`, 0.1) ? "closed" : "open",
    age_days: draw.int(`case:${i}:age`, 800, 1500),
  }));
  await ctx.client.query(
    `insert into cases (id, reference, title, lead_agency_id, status, created_at)
     select scale_gen.uid(${key(ctx, "case")} || i), reference, title, lead::uuid, status::case_status,
            ${nowSql(ctx)} - age_days * ${DAY}
     from json_to_recordset($1::json) as x(i int, reference text, title text, lead text, status text, age_days int)`,
    [JSON.stringify(cases)],
  );
  const confidences = ["possible", "likely", "confirmed"] as const;
  const series = Array.from({ length: seriesCount }, (_, j) => {
    const parent = cases[j % caseCount]!;
    const r = draw.u(`series:${j}:status`);
    let acc = 0;
    const status =
      SERIES_STATUS_SHARES.find(([, share]) => (acc += share) > r)?.[0] ?? "unassessed";
    const suspected: SuspectedCountry[] = draw
      .sample(`series:${j}:countries`, AGENCY_COUNTRIES, draw.int(`series:${j}:nc`, 0, 2))
      .map((country, k) => ({
        country: country as SuspectedCountry["country"],
        confidence: draw.pick(`series:${j}:conf:${k}`, confidences),
      }));
    const narrowed = isSeriesNarrowed({ status, suspectedCountries: suspected });
    const victims = status === "victim_identified" ? draw.int(`series:${j}:victims`, 1, 3) : 0;
    const offenders = victims > 0 ? draw.int(`series:${j}:offenders`, 0, 2) : 0;
    return {
      j,
      case_i: parent.i,
      code: `SCALE-S${String(j + 1).padStart(6, "0")}`,
      title: `Scale series ${j + 1}`,
      suspected,
      status,
      victims,
      offenders,
      age_days: parent.age_days,
      narrowed_days: narrowed ? draw.int(`series:${j}:narrowed`, 30, parent.age_days - 60) : null,
    };
  });
  await ctx.client.query(
    `insert into series (id, case_id, code, title, suspected_countries, status, victims_identified,
                         offenders_prosecuted, narrowed_at, created_at)
     select scale_gen.uid(${key(ctx, "series")} || j), scale_gen.uid(${key(ctx, "case")} || case_i),
            code, title, suspected, status::series_status, victims, offenders,
            ${nowSql(ctx)} - narrowed_days * ${DAY}, ${nowSql(ctx)} - age_days * ${DAY}
     from json_to_recordset($1::json)
       as x(j int, case_i int, code text, title text, suspected jsonb, status text, victims int,
            offenders int, age_days int, narrowed_days int)`,
    [JSON.stringify(series)],
  );
  // The outcome history the public statistics timeline reads, recorded after narrowing.
  await ctx.client.query(
    `insert into series_outcomes (id, series_id, at, victims_identified, offenders_prosecuted)
     select scale_gen.uid(${key(ctx, "outcome")} || j), scale_gen.uid(${key(ctx, "series")} || j),
            ${nowSql(ctx)} - greatest(coalesce(narrowed_days, age_days) - 45, 1) * ${DAY}, victims, offenders
     from json_to_recordset($1::json) as x(j int, victims int, offenders int, age_days int, narrowed_days int)
     where victims > 0 or offenders > 0`,
    [JSON.stringify(series)],
  );
  ctx.progress("cases", caseCount + seriesCount, caseCount + seriesCount);
}

async function insertObjects(ctx: Context): Promise<void> {
  const total = ctx.size.objects;
  const seriesCount = Math.max(1, Math.ceil(total / 100));
  // A seeded bijection on 30 bits: refs are unique and look random, as generateObjectRef's do.
  const refOffset = ctx.draw.int("ref-offset", 0, 2 ** 30 - 1);
  ctx.progress("objects", 0, total);
  await ctx.client.query(
    `create unlogged table scale_gen.objects (
       n int primary key, id uuid not null, status object_status not null, published_at timestamptz,
       created_at timestamptz not null, images int not null, first_image int)`,
  );
  for (let from = 1; from <= total; from += OBJECT_BATCH) {
    const to = Math.min(total, from + OBJECT_BATCH - 1);
    await ctx.client.query(
      `with src as (
         select n, k, scale_gen.u(k || 's') as u_status, scale_gen.u(k || 'p') as u_published,
                scale_gen.u(k || 'c') as u_created, scale_gen.u(k || 'i') as u_images
         from (select n, ${key(ctx, "obj")} || n || ':' as k from generate_series($1::int, $2::int) n) s
       ), placed as (
         select n, k, u_images,
                (case when u_status < 0.82 then 'published' when u_status < 0.86 then 'origin_found'
                      when u_status < 0.89 then 'withdrawn' when u_status < 0.92 then 'approved'
                      when u_status < 0.96 then 'in_review' else 'draft' end)::object_status as status,
                ${nowSql(ctx)} - (1 + u_published * 700) * ${DAY} as published_at,
                u_created
         from src
       ), dated as (
         select n, k, status, u_images,
                case when status in ('published', 'origin_found', 'withdrawn') then published_at end as published_at,
                case when status in ('published', 'origin_found', 'withdrawn')
                     then published_at - (4 + u_created * 16) * ${DAY}
                     else ${nowSql(ctx)} - (1 + u_created * 30) * ${DAY} end as created_at
         from placed
       )
       insert into scale_gen.objects (n, id, status, published_at, created_at, images)
       select n, scale_gen.uid(k), status, published_at, created_at,
              -- One to four images, mostly one or two.
              1 + floor(4 * u_images * u_images)::int
       from dated`,
      [from, to],
    );
    await ctx.client.query(
      `insert into trace_objects (id, ref, series_id, category, title, question, region_hint, status,
                                  author_id, approved_by_id, publish_at, published_at, origin_found_at,
                                  withdrawn_reason, created_at, updated_at)
       select o.id,
              'TOA-' || scale_gen.crockford6((o.n::bigint * 387420489 + ${refOffset}) & 1073741823),
              scale_gen.uid(${key(ctx, "series")} || floor(scale_gen.u(k || 'series') * ${seriesCount})::int),
              scale_gen.pick(l.categories, scale_gen.u(k || 'category'))::object_category,
              t.title, t.question,
              case when scale_gen.u(k || 'region') < 0.4
                   then jsonb_build_object('en', 'Probably ' || scale_gen.pick(array['Western Europe', 'Central Europe', 'Southern Europe', 'Scandinavia', 'North America'], scale_gen.u(k || 'region2')))
              end,
              o.status,
              scale_gen.uid(${key(ctx, "staff")} || 'author'),
              case when o.status not in ('draft', 'in_review') then scale_gen.uid(${key(ctx, "staff")} || 'approver') end,
              null, o.published_at,
              case when o.status = 'origin_found'
                   then o.published_at + least(30 * ${DAY}, (${nowSql(ctx)} - o.published_at) / 2) end,
              case when o.status = 'withdrawn' then 'Withdrawn at the request of the investigating agency.' end,
              o.created_at,
              coalesce(o.published_at, o.created_at)
       from scale_gen.objects o
       cross join scale_gen.lexicon l
       cross join lateral (select ${key(ctx, "obj")} || o.n || ':' as k) kk
       cross join lateral (
         -- All eight site languages for most objects, English only or a few for the others,
         -- so the public site's fallback to English is exercised too.
         select jsonb_object_agg(w.locale, w.nouns[1 + floor(scale_gen.u(k || 'noun') * cardinality(w.nouns))::int] || ' #' || o.n) as title,
                jsonb_object_agg(w.locale, w.question) as question
         from scale_gen.object_words w
         where w.position < case when scale_gen.u(k || 'tr') < 0.6 then 8
                                 when scale_gen.u(k || 'tr') < 0.8 then 3 else 1 end
       ) t
       where o.n between $1 and $2`,
      [from, to],
    );
    ctx.progress("objects", to, total);
  }
  // Each object's first image number: object images are hashed first, up to the requested total.
  await ctx.client.query(
    `update scale_gen.objects o set first_image = f.first_image
     from (select n, (sum(images) over (order by n) - images)::int as first_image from scale_gen.objects) f
     where f.n = o.n`,
  );
  // The public objects in a seeded order: rank 0 is the most popular with tipsters.
  await ctx.client.query(
    `create unlogged table scale_gen.public_objects as
     select (row_number() over (order by md5(${key(ctx, "rank")} || n), n) - 1)::int as rank, id, n, published_at
     from scale_gen.objects where status in ('published', 'origin_found')`,
  );
  await ctx.client.query("alter table scale_gen.public_objects add primary key (rank)");
  await ctx.client.query("create index on scale_gen.public_objects (id)");
}

/** The cover hash of object n: tip photos of the object are near copies of it. */
const coverHash = (ctx: Context, n: string) =>
  `scale_gen.h64(${key(ctx, "ohash")} || ${n} || ':0')`;

async function insertObjectImages(ctx: Context): Promise<number> {
  const total = ctx.size.objects;
  const hashLimit = ctx.size.hashes;
  await inBatches(ctx, "object images", [1, total], OBJECT_BATCH, async (client, from, to) => {
    await client.query(
      `with src as (
         select o.n, o.id as object_id, o.created_at, pos, o.first_image + pos as image_number, ${key(ctx, "img")} || o.n || ':' || pos || ':' as k,
                t.title ->> 'en' as title
         from scale_gen.objects o
         join trace_objects t on t.id = o.id
         cross join generate_series(0, o.images - 1) pos
         where o.n between $1 and $2
       ), ins as (
         insert into object_images (id, object_id, position, storage_key, media_type, width, height, alt,
                                    status, processed_at, created_at)
         select scale_gen.uid(k), object_id, pos, scale_gen.hex256(k || 'bytes'), 'image/jpeg',
                w, (w * 3) / 4, jsonb_build_object('en', 'Photo ' || (pos + 1) || ' of the object: ' || title),
                'ready', created_at + interval '2 minutes', created_at
         from src cross join lateral (
           select scale_gen.pick(array[800, 960, 1200, 1600, 2048], scale_gen.u(k || 'w')) as w
         ) ww
         returning id, width, height, processed_at
       ), variants as (
         -- What image.process would have made: AVIF, WebP and JPEG at each width (never upscaled).
         insert into image_variants (id, object_image_id, format, width, height, storage_key, byte_size, created_at)
         select scale_gen.uid(ins.id || ':' || f || ':' || vw), ins.id, f::image_variant_format, vw,
                (ins.height * vw) / ins.width, scale_gen.hex256(ins.id || ':' || f || ':' || vw),
                8000 + floor(scale_gen.u(ins.id || ':' || f || ':' || vw) * vw * 120)::int, ins.processed_at
         from ins
         cross join unnest(array['avif', 'webp', 'jpeg']) f
         cross join lateral unnest(array[320, 640, least(1280, ins.width)]) vw
         returning 1
       ), hashes as (
         -- Mostly unrelated hashes; a few object images are near copies of another object's cover
         -- (the same product photographed in two series), which the similarity panel must find.
         insert into image_hashes (id, object_image_id, hash, created_at)
         select scale_gen.uid(k || 'hash'), scale_gen.uid(k),
                case when pos > 0 and scale_gen.u(k || 'near') < 0.04
                     then scale_gen.flip(${coverHash(ctx, "(1 + floor(scale_gen.u(k || 'other') * " + total + ")::int)")}, k || 'flip', 1 + floor(scale_gen.u(k || 'nb') * 6)::int)
                     else scale_gen.h64(${key(ctx, "ohash")} || n || ':' || pos) end,
                created_at + interval '2 minutes'
         from src
         where image_number < $3
         returning 1
       )
       select (select count(*) from ins) as n`,
      [from, to, hashLimit],
    );
  });
  const { rows } = await ctx.client.query<{ n: string }>("select count(*) as n from object_images");
  return Math.min(Number(rows[0]!.n), hashLimit);
}

/** How the tip's triage status maps to what the tipster sees, from the domain. */
const publicStatusCase = (column: string) =>
  `(case ${TRIAGE_STATUSES.map((s) => `when ${column} = '${s}' then '${publicTipStatus(s)}'`).join(" ")} end)::public_tip_status`;

async function insertTips(ctx: Context): Promise<void> {
  const total = ctx.size.tips;
  const { rows: pub } = await ctx.client.query<{ n: string }>(
    "select count(*) as n from scale_gen.public_objects",
  );
  const publicCount = Number(pub[0]!.n);
  const now = nowSql(ctx);
  await inBatches(ctx, "tips", [1, total], TIP_BATCH, async (client, from, to) => {
    await client.query(
      `with src as materialized (
         -- Four draws per md5 (scale_gen.ux): hashing is most of the cost of a generated row.
         select n, k, md5(k || 'a') as a, md5(k || 'b') as b, md5(k || 'c') as c,
                md5(k || 'd') as d, md5(k || 'e') as e, md5(k || 'f') as f
         from (select n, ${key(ctx, "tip")} || n || ':' as k from generate_series($1::int, $2::int) n) s
       ), placed as (
         select s.*, o.id as object_id, lang.code as language, lang.templates, lang.nouns,
                lang.countries as lang_countries,
                case when o.id is null then ${now} - (scale_gen.ux(a, 2) * 730) * ${DAY}
                     -- Most tips come soon after an object is published (the campaign), then fewer.
                     else o.published_at + (${now} - o.published_at) * power(scale_gen.ux(a, 2), 2) end as received_at,
                scale_gen.ux(b, 0) < 0.003 as concerns_other_abuse
         from src s
         cross join scale_gen.lexicon l
         join scale_gen.languages lang
           on lang.idx = l.language_slots[1 + floor(scale_gen.ux(a, 3) * cardinality(l.language_slots))::int]
         left join scale_gen.public_objects o
           on scale_gen.ux(a, 0) >= ${GENERAL_TIP_SHARE}
          and o.rank = floor(power(scale_gen.ux(a, 1), ${POPULARITY_EXPONENT}) * ${publicCount})::int
       ), words as (
         select p.*, l.periods,
                scale_gen.pick(l.brands, scale_gen.ux(b, 1)) as brand,
                scale_gen.pick(l.places, scale_gen.ux(b, 2)) as place,
                scale_gen.pick(p.nouns, scale_gen.ux(b, 3)) as noun,
                case when scale_gen.ux(c, 0) < 0.7 then scale_gen.pick(p.lang_countries, scale_gen.ux(c, 1))
                     when scale_gen.ux(c, 0) < 0.82 then scale_gen.pick(l.countries, scale_gen.ux(c, 1))
                end as country,
                p.received_at + (0.05 + 6 * scale_gen.ux(c, 2)) * ${DAY} as decided_at,
                scale_gen.ux(c, 3) as u_triage
         from placed p cross join scale_gen.lexicon l
       ), triaged as (
         select w.*,
                case when w.decided_at > ${now} or scale_gen.ux(d, 0) < 0.06 then 'new'
                     when w.concerns_other_abuse then 'urgent_safeguarding'
                     when u_triage < 0.18 then 'useful'
                     when u_triage < 0.56 then 'not_useful'
                     -- Spam older than the retention period would have been deleted already.
                     when u_triage < 0.62 then case when w.decided_at < ${now} - 30 * ${DAY} then 'not_useful' else 'spam' end
                     when u_triage < 0.76 then case when w.object_id is null then 'not_useful' else 'duplicate' end
                     else 'routed' end as triage,
                scale_gen.ux(d, 1) < 0.88 as has_text,
                scale_gen.ux(d, 2) as u_place
         from words w
       ), ins as (
         insert into tips (id, object_id, country, place_or_shop, brand_or_product, time_period,
                           evidence_links, confidence, text, language, contact_ciphertext,
                           concerns_other_abuse, triage_status, public_status, priority, trust,
                           trust_reasons, receipt_hash, received_at, updated_at)
         select scale_gen.uid(k), object_id, country,
                case when u_place < 0.5 or not has_text then place
                     when u_place < 0.6 then brand || ' store, ' || place end,
                case when scale_gen.ux(d, 3) < 0.4 then brand || ' ' || noun end,
                case when scale_gen.ux(e, 0) < 0.45 then scale_gen.pick(periods, scale_gen.ux(e, 1)) end,
                case when scale_gen.ux(e, 2) < 0.04 then array['https://example.org/listing/' || n] else '{}'::text[] end,
                (case when scale_gen.ux(e, 3) < 0.2 then 'certain'
                      when scale_gen.ux(e, 3) < 0.7 then 'think_so' else 'guess' end)::tip_confidence,
                case when has_text then
                  replace(replace(replace(replace(scale_gen.pick(templates, scale_gen.ux(f, 0)),
                    '{noun}', noun), '{brand}', brand), '{place}', place),
                    '{year}', (2005 + floor(scale_gen.ux(f, 1) * 15)::int)::text)
                  -- Now and then the wording the safeguarding rule looks for.
                  || case when concerns_other_abuse then ' The child may still be there right now.' else '' end
                end,
                language,
                -- Contact details are encrypted with the API's key, which the generator does not
                -- hold: no generated tip has any (they are optional for a tipster too).
                null,
                concerns_other_abuse,
                triage::triage_status,
                ${publicStatusCase("triage")},
                (case when concerns_other_abuse then 'urgent'
                      when triage in ('useful', 'routed') and scale_gen.ux(f, 2) < 0.08 then 'high'
                      else 'normal' end)::tip_priority,
                (case when scale_gen.ux(f, 3) < 0.03 then 'low' else 'normal' end)::tip_trust,
                case when scale_gen.ux(f, 3) < 0.03
                     then array[scale_gen.pick(array['filled_too_fast', 'proof_of_work_missing', 'ticket_missing_or_invalid'], scale_gen.ux(f, 3) / 0.03)]::tip_trust_reason[]
                     else '{}'::tip_trust_reason[] end,
                scale_gen.hex256(k || 'receipt'),
                received_at,
                case when triage = 'new' then received_at else decided_at end
         from triaged
         returning id, received_at, updated_at, triage_status, public_status
       ), events as (
         insert into tip_events (id, tip_id, at, actor_id, kind, triage_status, public_status, note)
         select scale_gen.uid(id || ':ev0'), id, received_at, null::uuid, 'status'::tip_event_kind,
                'new'::triage_status, 'received'::public_tip_status, null::text from ins
         union all
         select scale_gen.uid(id || ':ev1'), id, updated_at, null, 'status'::tip_event_kind, triage_status, public_status,
                case when triage_status = 'routed' then 'Passed to the agency of the likely country.' end
         from ins where triage_status <> 'new'
         returning 1
       ), questions as (
         -- A short dialogue on a few triaged tips; some replies are still unread by staff.
         insert into messages (id, tip_id, author, staff_author_id, body, created_at, read_at)
         select scale_gen.uid(id || ':m0'), id, 'staff'::message_author, scale_gen.uid(${key(ctx, "staff")} || 'author'),
                'Thank you. Do you remember the name of the shop or the street?', updated_at, null
         from ins
         where triage_status not in ('new', 'spam') and scale_gen.u(id || ':m') < 0.02
         union all
         select scale_gen.uid(id || ':m1'), id, 'tipster'::message_author, null,
                'I think it was in the city centre, near the station.', updated_at + interval '1 day',
                case when scale_gen.u(id || ':read') < 0.7 then updated_at + interval '2 days' end
         from ins
         where triage_status not in ('new', 'spam') and scale_gen.u(id || ':m') < 0.012
           and updated_at + interval '2 days' < ${now}
         returning 1
       )
       select (select count(*) from events) + (select count(*) from questions) as n`,
      [from, to],
    );
  });
}

/**
 * A duplicate points to the first tip about the same object. A tip drawn as a duplicate that
 * is itself the first becomes "not useful", in the tip and in its history alike.
 */
async function linkDuplicates(ctx: Context): Promise<void> {
  ctx.progress("duplicates", 0, 1);
  await ctx.client.query(
    `create unlogged table scale_gen.first_tips as
     select distinct on (object_id) object_id, id, received_at from tips
     where object_id is not null order by object_id, received_at, id`,
  );
  await ctx.client.query(
    `update tips t set duplicate_of_id = f.id
     from scale_gen.first_tips f
     where t.triage_status = 'duplicate' and f.object_id = t.object_id and f.id <> t.id`,
  );
  await ctx.client.query(
    `with firsts as (
       update tips t set triage_status = 'not_useful'
       from scale_gen.first_tips f
       where t.triage_status = 'duplicate' and f.id = t.id
       returning t.id
     )
     update tip_events e set triage_status = 'not_useful'
     from firsts where e.tip_id = firsts.id and e.triage_status = 'duplicate'`,
  );
  ctx.progress("duplicates", 1, 1);
}

async function insertTipPhotos(ctx: Context, photos: number): Promise<void> {
  const now = nowSql(ctx);
  // Photos stay only on tips still open or closed within the retention period (90 days): the
  // retention sweep would have erased the others' already.
  await ctx.client.query(
    `create unlogged table scale_gen.photo_tips as
     select (row_number() over (order by t.received_at, t.id) - 1)::int as rank, t.id, t.received_at, o.n as object_n
     from tips t
     join scale_gen.objects o on o.id = t.object_id
     where not (t.triage_status in ('not_useful', 'spam', 'duplicate') and t.updated_at < ${now} - 90 * ${DAY})`,
  );
  const { rows } = await ctx.client.query<{ n: string }>(
    "select count(*) as n from scale_gen.photo_tips",
  );
  const eligible = Number(rows[0]!.n);
  if (photos === 0 || eligible === 0) {
    ctx.progress("tip photos", eligible, eligible);
    return;
  }
  // Spread evenly: tip r gets floor(P(r+1)/E) − floor(Pr/E) photos, at most the form's three.
  await inBatches(ctx, "tip photos", [0, eligible - 1], PHOTO_BATCH, async (client, from, to) => {
    await client.query(
      `with src as (
         select p.id as tip_id, p.received_at, p.object_n, pos, p.id || ':photo:' || pos || ':' as k
         from scale_gen.photo_tips p
         cross join generate_series(0, least(3,
           floor(${photos}::numeric * (p.rank + 1) / ${eligible}) - floor(${photos}::numeric * p.rank / ${eligible}))::int - 1) pos
         where p.rank between $1 and $2
       ), ins as (
         insert into tip_photos (id, tip_id, position, token_hash, expires_at, storage_key, media_type,
                                 width, height, status, processed_at, created_at)
         select scale_gen.uid(k), tip_id, pos, null, null, scale_gen.hex256(${key(ctx, "photo")} || k),
                'image/jpeg', 1200, 900, 'ready', received_at + interval '1 minute', received_at - interval '3 minutes'
         from src
         returning 1
       ), hashes as (
         -- A third of tipsters photograph the very object (a near copy of its cover image).
         insert into image_hashes (id, tip_photo_id, hash, created_at)
         select scale_gen.uid(k || 'hash'), scale_gen.uid(k),
                case when scale_gen.u(k || 'near') < 0.35
                     then scale_gen.flip(${coverHash(ctx, "object_n")}, k || 'flip', floor(scale_gen.u(k || 'nb') * 8)::int)
                     else scale_gen.h64(${key(ctx, "phash")} || k) end,
                received_at + interval '1 minute'
         from src
         returning 1
       )
       select (select count(*) from ins) + (select count(*) from hashes) as n`,
      [from, to],
    );
  });
}

/**
 * Routed tips were referred to the agency of the country they name (the international unit
 * otherwise), grouped per object, agency and month. No referral is left pending: a pending one
 * waits for the delivery worker, which would then work through thousands during a benchmark.
 */
async function insertReferrals(ctx: Context): Promise<void> {
  const now = nowSql(ctx);
  ctx.progress("referrals", 0, 1);
  await ctx.client.query(
    `create unlogged table scale_gen.routed as
     select t.id, t.object_id, t.updated_at,
            coalesce((select a.id from agencies a where a.country = t.country and a.is_active order by a.code limit 1),
                     (select a.id from agencies a where a.country is null order by a.code limit 1),
                     (select a.id from agencies a order by a.code limit 1)) as agency_id,
            to_char(t.updated_at, 'YYYY-MM') as month
     from tips t where t.triage_status = 'routed'`,
  );
  const referralKey = `${key(ctx, "referral")} || coalesce(object_id::text, 'general') || ':' || agency_id || ':' || month`;
  await ctx.client.query(
    `with groups as (
       select object_id, agency_id, month, least(max(updated_at) + interval '1 minute', ${now}) as at, ${referralKey} as k
       from scale_gen.routed group by object_id, agency_id, month
     ), states as (
       select g.*, scale_gen.u(k || 's') as u_state,
              g.at + (1 + floor(scale_gen.u(k || 'dl') * 30)) * interval '1 second' as delivered_at,
              g.at + (0.2 + scale_gen.u(k || 'ack') * 3) * ${DAY} as ack_at,
              g.at + (3 + scale_gen.u(k || 'disp') * 20) * ${DAY} as disposed_at
       from groups g
     ), decided as (
       select s.*,
              case when s.disposed_at < ${now} and u_state < 0.55 then 'disposed'
                   when s.ack_at < ${now} and u_state < 0.85 then 'acknowledged'
                   else 'delivered' end as status
       from states s
     )
     insert into referrals (id, agency_id, object_id, status, disposition, disposition_note, idempotency_key,
                            created_by_id, suggested_agency_ids, override_reason, created_at, delivered_at,
                            acknowledged_at, acknowledged_by_id, disposed_at, disposed_by_id)
     select scale_gen.uid(k), agency_id, object_id, status::referral_status,
            case when status = 'disposed' then scale_gen.pick(l.dispositions, scale_gen.u(k || 'which'))::referral_disposition end,
            case when status = 'disposed' and scale_gen.pick(l.dispositions, scale_gen.u(k || 'which')) = 'other'
                 then 'Passed to a regional unit for follow-up.' end,
            md5(k || 'idem'), null, array[agency_id], null, at, least(delivered_at, ${now}),
            case when status <> 'delivered' then ack_at end, null,
            case when status = 'disposed' then disposed_at end, null
     from decided cross join scale_gen.lexicon l`,
  );
  await ctx.client.query(
    `insert into referral_tips (referral_id, tip_id)
     select scale_gen.uid(${referralKey}), id from scale_gen.routed`,
  );
  ctx.progress("referrals", 1, 1);
}

/** Inserts the rules; answers the sample object refs (the most tipped first). */
async function insertRules(ctx: Context, agencies: Agency[]): Promise<string[]> {
  ctx.progress("routing rules", 0, ctx.size.rules);
  const { rows: top } = await ctx.client.query<{ ref: string }>(
    `select t.ref from scale_gen.public_objects p join trace_objects t on t.id = p.id
     where p.rank < 16 or p.rank % 997 = 0 order by p.rank limit 32`,
  );
  const refs = top.map((r) => r.ref);
  const rules = generateRules(ctx.size.rules, agencies, refs.slice(0, 16), ctx.draw);
  const rows = rules.map((rule, position) => ({ position, ...rule }));
  await ctx.client.query(
    `with ins as (
       insert into routing_rules (id, name, version, position, is_enabled, condition, actions, created_at, updated_at, updated_by_id)
       select scale_gen.uid(${key(ctx, "rule")} || position), name, 1, position, "isEnabled", condition, actions,
              ${nowSql(ctx)} - (400 - position) * interval '1 hour', ${nowSql(ctx)} - (400 - position) * interval '1 hour', null
       from json_to_recordset($1::json) as x(position int, name text, "isEnabled" boolean, condition jsonb, actions jsonb)
       returning id, version, name, is_enabled, condition, actions, created_at
     )
     insert into routing_rule_versions (rule_id, version, name, is_enabled, condition, actions, author_id, created_at)
     select id, version, name, is_enabled, condition, actions, null, created_at from ins`,
    [JSON.stringify(rows)],
  );
  ctx.progress("routing rules", rules.length, ctx.size.rules);
  return refs;
}

const COUNTED_TABLES = [
  "agencies",
  "staff_users",
  "cases",
  "series",
  "series_outcomes",
  "trace_objects",
  "object_images",
  "image_variants",
  "tips",
  "tip_events",
  "messages",
  "tip_photos",
  "image_hashes",
  "referrals",
  "referral_tips",
  "routing_rules",
  "routing_rule_versions",
  "audit_events",
  "outbox",
] as const;

async function describe(
  client: pg.Client,
  seed: number,
): Promise<Pick<ScaleSummary, "counts" | "sampleHashes" | "countries">> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  const { rows: hashes } = await client.query<{ hash: string }>(
    `select h.hash::text from image_hashes h join object_images i on i.id = h.object_image_id
     where i.position = 0 order by md5($1 || h.id::text) limit 8`,
    [String(seed)],
  );
  const sampleHashes = hashes.flatMap(({ hash }, i) => {
    const value = BigInt(hash);
    // The hash itself, and a near one: what a re-cropped photo of the same object looks like.
    const near = value ^ (1n << BigInt(i * 7)) ^ (1n << BigInt(63 - i * 5));
    return [bigintToHash(value), bigintToHash(BigInt.asIntN(64, near))];
  });
  const { rows: countries } = await client.query<{ country: string }>(
    "select country from tips where country is not null group by country order by count(*) desc, country limit 20",
  );
  return { counts, sampleHashes, countries: countries.map((c) => c.country) };
}
