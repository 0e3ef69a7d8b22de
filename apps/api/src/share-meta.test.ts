import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, insertObject, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { LOCALES, type Locale } from "@trace/domain";
import { createApp } from "./app";
import type { PublicOrigin } from "./http/share-meta";
import { createHarness, type Harness } from "./test/harness";

const engines = await createTestDatabases();

/** The expected words come from the site's own catalogs, never retyped here. */
const LOCALES_DIR = join(import.meta.dirname, "../../public-web/src/i18n/locales");
type Messages = { [key: string]: string | Messages };
function catalog(locale: Locale, file = ""): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, file, `${locale}.json`), "utf8")) as Messages;
}
/** A message by its path (`home.intro`) in the site catalog, or the one of `file`. */
function text(locale: Locale, path: string, file = ""): string {
  let node: string | Messages = catalog(locale, file);
  for (const key of path.split(".")) node = (node as Messages)[key]!;
  if (typeof node !== "string") throw new Error(`no message ${path} in ${file}/${locale}`);
  return node;
}
const pageTitle = (locale: Locale, page: string) =>
  text(locale, "app.documentTitle").replace("{page}", page);

/** A shell like the one Vite builds: its own English title and description, a module script. */
const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Trace — the build's title</title>
    <meta
      name="description"
      content="The build's description."
    />
    <meta name="referrer" content="no-referrer" />
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-abc123.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const ORIGIN = "https://trace.example.org";
const HOSTILE = `"><script>alert(1)</script>`;

type Element = DefaultTreeAdapterMap["element"];

/** The head of a served page, read as a crawler reads it: by parsing the HTML. */
interface ServedHead {
  lang: string | undefined;
  titles: string[];
  /** `<meta name|property>` → every content given for it. */
  meta: Map<string, string[]>;
  links: { rel: string; hreflang?: string; href: string }[];
  scripts: Element[];
}

function readHead(html: string): ServedHead {
  const elements: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap["parentNode"]) => {
    for (const child of node.childNodes) {
      if (!defaultTreeAdapter.isElementNode(child)) continue;
      elements.push(child);
      walk(child);
    }
  };
  walk(parse(html));
  const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
  const meta = new Map<string, string[]>();
  for (const e of elements.filter((e) => e.tagName === "meta")) {
    const key = attr(e, "name") ?? attr(e, "property");
    if (key) meta.set(key, [...(meta.get(key) ?? []), attr(e, "content") ?? ""]);
  }
  return {
    lang: attr(
      elements.find((e) => e.tagName === "html")!,
      "lang",
    ),
    titles: elements
      .filter((e) => e.tagName === "title")
      .map((e) =>
        e.childNodes.map((t) => (defaultTreeAdapter.isTextNode(t) ? t.value : "")).join(""),
      ),
    meta,
    links: elements
      .filter((e) => e.tagName === "link" && attr(e, "rel") !== "stylesheet")
      .map((e) => ({
        rel: attr(e, "rel")!,
        href: attr(e, "href")!,
        ...(attr(e, "hreflang") ? { hreflang: attr(e, "hreflang") } : {}),
      })),
    scripts: elements.filter((e) => e.tagName === "script"),
  };
}

const one = (head: ServedHead, key: string) => {
  const values = head.meta.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0];
};

describe.each(engines)("share meta in the public site's index.html [$name]", (engine) => {
  let h: Harness;
  let dist: string;
  const apps = {} as Record<
    "configured" | "request" | "none" | "staff",
    ReturnType<typeof createApp>
  >;
  let seriesId: string;
  /** The URL path of the published object's widest JPEG up to 1280 px, and its bytes. */
  let shareJpeg: { path: string; bytes: Uint8Array };

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    dist = await mkdtemp(join(tmpdir(), "trace-share-"));
    await writeFile(join(dist, "index.html"), SHELL);
    const app = (publicOrigin: PublicOrigin) =>
      createApp(h.deps, { surface: "public", webDist: dist, publicOrigin });
    apps.configured = app({ from: "config", origin: ORIGIN });
    apps.request = app({ from: "request" });
    apps.none = app(null);
    apps.staff = createApp(h.deps, { surface: "staff", webDist: dist });

    const { db } = h.deps.database;
    const [row] = await db
      .select({ seriesId: schema.traceObjects.seriesId })
      .from(schema.traceObjects)
      .where(eq(schema.traceObjects.id, h.fixtures.published.id));
    seriesId = row!.seriesId;
    // The published object's variants, as image processing leaves them; one JPEG wider than
    // a share image should be (not a width the pipeline makes, but the rule must hold anyway).
    const variants: { format: "avif" | "webp" | "jpeg"; width: number }[] = [
      { format: "jpeg", width: 320 },
      { format: "jpeg", width: 640 },
      { format: "jpeg", width: 1280 },
      { format: "jpeg", width: 1600 },
      { format: "webp", width: 1280 },
      { format: "avif", width: 1280 },
    ];
    for (const { format, width } of variants) {
      const bytes = new TextEncoder().encode(`synthetic ${format} ${width}`);
      const key = await h.deps.media.put(bytes);
      await db.insert(schema.imageVariants).values({
        objectImageId: h.fixtures.published.imageId,
        format,
        width,
        height: (width * 3) / 4,
        storageKey: key,
        byteSize: bytes.length,
      });
      if (format === "jpeg" && width === 1280) {
        shareJpeg = { path: `/media/${h.fixtures.published.imageId}/${key}.jpg`, bytes };
      }
    }
  });
  afterAll(async () => {
    await engine.dispose();
    await rm(dist, { recursive: true, force: true });
  });

  const get = async (app: ReturnType<typeof createApp>, path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
    expect(res.headers.get("Cache-Control"), path).toBe("no-cache");
    const html = await res.text();
    return { html, head: readHead(html) };
  };

  const newObject = async (
    ref: string,
    status: "published" | "in_review" | "withdrawn",
    text: string,
  ) =>
    insertObject(
      h.deps.database.db,
      {
        ref,
        seriesId,
        category: "packaging",
        title: { en: `${text} title` },
        question: { en: `${text} question` },
        regionHint: null,
        status,
        authorId: h.fixtures.users.analyst.id,
        approvedById: status === "in_review" ? null : h.fixtures.users.coordinator.id,
        publishedAt: status === "in_review" ? null : new Date("2026-04-02T00:00:00.000Z"),
        createdAt: new Date("2026-03-02T00:00:00.000Z"),
      },
      [
        {
          storageKey: await h.deps.media.put(new TextEncoder().encode(`image of ${ref}`)),
          mediaType: "image/jpeg",
          width: 640,
          height: 480,
          alt: { en: `${text} alt` },
        },
      ],
    );

  it("describes a published object in the page's language, with its share image", async () => {
    const { ref, imageId } = h.fixtures.published;
    const { head } = await get(apps.configured, `/fr/objects/${ref}`);
    expect(head.lang).toBe("fr");
    // Title in French; the question has no French text, so English stands in (as on the page).
    expect(head.titles).toEqual([pageTitle("fr", "Striped curtain (fr)")]);
    expect(one(head, "description")).toBe("Where does the striped curtain come from?");
    expect(one(head, "og:title")).toBe("Striped curtain (fr)");
    expect(one(head, "og:description")).toBe("Where does the striped curtain come from?");
    expect(one(head, "og:type")).toBe("website");
    expect(one(head, "og:site_name")).toBe(text("fr", "app.siteName"));
    expect(one(head, "og:locale")).toBe("fr_FR");
    expect(head.meta.get("og:locale:alternate")).toHaveLength(LOCALES.length - 1);
    const canonical = `${ORIGIN}/fr/objects/${ref}`;
    expect(one(head, "og:url")).toBe(canonical);
    expect(one(head, "og:image")).toBe(`${ORIGIN}${shareJpeg.path}`);
    expect(one(head, "og:image")).toContain(`/media/${imageId}/`);
    expect(one(head, "og:image:type")).toBe("image/jpeg");
    expect(one(head, "og:image:width")).toBe("1280");
    expect(one(head, "og:image:height")).toBe("960");
    expect(one(head, "og:image:alt")).toBe(`Synthetic pattern for ${ref}`);
    expect(one(head, "twitter:card")).toBe("summary_large_image");
    expect(head.meta.has("robots")).toBe(false);
    expect(head.links).toEqual([
      { rel: "canonical", href: canonical },
      ...LOCALES.map((l) => ({
        rel: "alternate",
        hreflang: l,
        href: `${ORIGIN}/${l}/objects/${ref}`,
      })),
      { rel: "alternate", hreflang: "x-default", href: `${ORIGIN}/objects/${ref}` },
    ]);
    // The build's own title and description are gone, its scripts and styles are kept.
    expect(head.meta.get("description")).toHaveLength(1);
    expect(head.scripts.map((s) => s.attrs.find((a) => a.name === "src")?.value)).toEqual([
      "/assets/index-abc123.js",
    ]);
  });

  it("links a share image that the public media route serves", async () => {
    const res = await apps.configured.request(shareJpeg.path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(shareJpeg.bytes);
  });

  it("names the canonical reference however the link spelled it", async () => {
    const { head } = await get(
      apps.configured,
      `/de/objects/${h.fixtures.published.ref.toLowerCase()}`,
    );
    expect(one(head, "og:url")).toBe(`${ORIGIN}/de/objects/${h.fixtures.published.ref}`);
    expect(head.titles).toEqual([pageTitle("de", "Striped curtain")]);
  });

  it("shares an object whose origin was found, without an image while none is ready", async () => {
    const { head } = await get(apps.configured, `/en/objects/${h.fixtures.originFound.ref}`);
    expect(one(head, "og:title")).toBe("Found mug");
    expect(one(head, "og:url")).toBe(`${ORIGIN}/en/objects/${h.fixtures.originFound.ref}`);
    expect(head.meta.has("og:image")).toBe(false);
    expect(one(head, "twitter:card")).toBe("summary");
  });

  it("keeps a hostile object text inert, in every tag it appears in", async () => {
    const ref = "TOA-XSS001";
    await insertObject(
      h.deps.database.db,
      {
        ref,
        seriesId,
        category: "other",
        title: { en: HOSTILE, de: `</title><script>alert(2)</script>` },
        question: { en: `${HOSTILE} & <b>more</b>` },
        regionHint: null,
        status: "published",
        authorId: h.fixtures.users.analyst.id,
        approvedById: h.fixtures.users.coordinator.id,
        publishedAt: new Date("2026-04-03T00:00:00.000Z"),
        createdAt: new Date("2026-03-03T00:00:00.000Z"),
      },
      [],
    );
    for (const [locale, title] of [
      ["en", HOSTILE],
      ["de", `</title><script>alert(2)</script>`],
    ] as const) {
      const { html, head } = await get(apps.configured, `/${locale}/objects/${ref}`);
      // The texts come back exactly as written, as text and attribute values, never as markup.
      expect(head.titles).toEqual([pageTitle(locale, title)]);
      expect(one(head, "og:title")).toBe(title);
      expect(one(head, "description")).toBe(`${HOSTILE} & <b>more</b>`);
      expect(one(head, "og:description")).toBe(`${HOSTILE} & <b>more</b>`);
      expect(head.scripts).toHaveLength(1);
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<b>more");
    }
  });

  it.each([
    ["a draft", "draft"],
    ["an object in review", "in_review"],
    ["a withdrawn object", "withdrawn"],
    ["an unknown reference", "unknown"],
    ["a malformed reference", "malformed"],
  ] as const)("says nothing of %s: the generic page, status 200", async (_name, kind) => {
    const refs = {
      draft: h.fixtures.draft.ref,
      in_review: "TOA-RVW001",
      withdrawn: "TOA-WDR001",
      unknown: "TOA-ZZZZZZ",
      malformed: "not-a-ref%22%3E",
    };
    if (kind === "in_review") await newObject(refs.in_review, "in_review", "Secret review");
    if (kind === "withdrawn") await newObject(refs.withdrawn, "withdrawn", "Secret withdrawn");
    for (const locale of ["en", "pl"] as const) {
      const { html, head } = await get(apps.configured, `/${locale}/objects/${refs[kind]}`);
      expect(head.lang).toBe(locale);
      expect(head.titles).toEqual([text(locale, "home.documentTitle")]);
      expect(one(head, "description")).toBe(text(locale, "home.intro"));
      expect(one(head, "robots")).toBe("noindex");
      expect(head.meta.has("og:image")).toBe(false);
      expect(head.meta.has("og:url")).toBe(false);
      expect(head.links).toEqual([]);
      expect(html).not.toMatch(
        /Unvetted draft|unvetted draft|Secret|TOA-DRF001|TOA-RVW001|TOA-WDR001/,
      );
    }
  });

  it("stops describing an object the moment it is withdrawn", async () => {
    const ref = "TOA-WDR002";
    const id = await newObject(ref, "published", "Soon withdrawn");
    expect(one((await get(apps.configured, `/en/objects/${ref}`)).head, "og:title")).toBe(
      "Soon withdrawn title",
    );
    await h.deps.database.db
      .update(schema.traceObjects)
      .set({ status: "withdrawn" })
      .where(eq(schema.traceObjects.id, id));
    const { html } = await get(apps.configured, `/en/objects/${ref}`);
    expect(html).not.toContain("Soon withdrawn");
  });

  describe.each(LOCALES)("the other public pages in %s", (locale) => {
    /** A page whose words are `<group>.documentTitle` or `.heading`, and `.intro`, in `file`. */
    const page = (path: string, group: string, file: string, name = "documentTitle") => {
      const shareTitle = text(locale, `${group}.${name}`, file);
      return [
        path,
        pageTitle(locale, shareTitle),
        shareTitle,
        text(locale, `${group}.intro`, file),
      ];
    };
    it.each([
      [
        "/",
        text(locale, "home.documentTitle"),
        text(locale, "home.documentTitle"),
        text(locale, "home.intro"),
      ],
      page("/objects", "gallery", "", "heading"),
      page("/check", "checkTip", "forms", "heading"),
      page("/statistics", "statistics", "statistics"),
      page("/privacy", "privacy", "privacy"),
      page("/report-abuse", "safeguarding", "safeguarding"),
    ])(
      "%s has its own title and description, canonical and hreflang",
      async (path, title, shareTitle, description) => {
        const url = `/${locale}${path === "/" ? "/" : path}`;
        const { head } = await get(apps.configured, url);
        expect(head.lang).toBe(locale);
        expect(head.titles).toEqual([title]);
        expect(one(head, "description")).toBe(description);
        expect(one(head, "og:title")).toBe(shareTitle);
        expect(one(head, "og:description")).toBe(description);
        expect(one(head, "og:url")).toBe(`${ORIGIN}${url}`);
        expect(head.links[0]).toEqual({ rel: "canonical", href: `${ORIGIN}${url}` });
        expect(head.links.slice(1).map((l) => l.hreflang)).toEqual([...LOCALES, "x-default"]);
        expect(head.links.at(-1)!.href).toBe(`${ORIGIN}${path}`);
        expect(head.meta.has("robots")).toBe(false);
        // The x-default address exists: without a locale, it sends a visitor to their language.
        const neutral = await apps.configured.request(path, {
          headers: { "Accept-Language": locale },
        });
        expect(neutral.status).toBe(302);
        expect(neutral.headers.get("Location")).toBe(url);
      },
    );
  });

  it("keeps a receipt page out of search engines, and describes unknown pages generically", async () => {
    const receipt = (await get(apps.configured, "/nl/receipt")).head;
    expect(receipt.titles).toEqual([pageTitle("nl", text("nl", "receipt.documentTitle", "forms"))]);
    expect(one(receipt, "robots")).toBe("noindex");
    expect(receipt.links).toEqual([]);
    const unknown = (await get(apps.configured, "/it/nowhere/at/all")).head;
    expect(unknown.lang).toBe("it");
    expect(unknown.titles).toEqual([text("it", "home.documentTitle")]);
    expect(one(unknown, "description")).toBe(text("it", "home.intro"));
  });

  it("every locale's x-default is an address that redirects by language", async () => {
    const res = await apps.configured.request(`/objects/${h.fixtures.published.ref}`, {
      headers: { "Accept-Language": "de" },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/de/objects/${h.fixtures.published.ref}`);
  });

  it("makes absolute URLs from the request's own origin only when told to", async () => {
    const path = `/es/objects/${h.fixtures.published.ref}`;
    const fromRequest = (await get(apps.request, `http://localhost:3000${path}`)).head;
    expect(one(fromRequest, "og:url")).toBe(`http://localhost:3000${path}`);
    expect(one(fromRequest, "og:image")).toBe(`http://localhost:3000${shareJpeg.path}`);

    // Production without PUBLIC_ORIGIN: no tag trusts the Host header.
    const res = await apps.none.request(`http://attacker.example${path}`);
    const html = await res.text();
    const head = readHead(html);
    expect(html).not.toContain("attacker.example");
    expect(head.titles).toEqual([pageTitle("es", "Striped curtain")]);
    expect(one(head, "og:title")).toBe("Striped curtain");
    expect(one(head, "description")).toBe("Where does the striped curtain come from?");
    for (const key of ["og:url", "og:image", "og:image:alt", "og:locale:alternate"]) {
      expect(head.meta.has(key), key).toBe(false);
    }
    expect(head.links).toEqual([]);
    expect(one(head, "twitter:card")).toBe("summary");
  });

  it("serves the shell as built where no locale is named, and on the staff site", async () => {
    for (const app of [apps.configured, apps.staff]) {
      expect((await get(app, "/somewhere/else")).html).toBe(SHELL);
    }
    expect((await get(apps.staff, `/en/objects/${h.fixtures.published.ref}`)).html).toBe(SHELL);
  });

  it("keeps the parsed shell in memory and reads it again when the build changes it", async () => {
    const before = (await get(apps.configured, "/en/")).html;
    expect(before).toContain("/assets/index-abc123.js");
    const rebuilt = SHELL.replaceAll("abc123", "def4567");
    await writeFile(join(dist, "index.html"), rebuilt);
    try {
      const after = (await get(apps.configured, "/en/")).html;
      expect(after).toContain("/assets/index-def4567.js");
      expect(after).not.toContain("abc123");
    } finally {
      await writeFile(join(dist, "index.html"), SHELL);
    }
  });
});

describe("share meta when the database cannot answer", () => {
  it("serves the shell with the generic meta (the site says what went wrong), not an error", async () => {
    // Nothing listens on port 1: the pool's connection attempt is refused.
    const h = await createHarness(await createDb({ url: "postgres://postgres@127.0.0.1:1/none" }), {
      withFixtures: false,
    });
    const dist = await mkdtemp(join(tmpdir(), "trace-share-"));
    try {
      await writeFile(join(dist, "index.html"), SHELL);
      const app = createApp(h.deps, {
        surface: "public",
        webDist: dist,
        publicOrigin: { from: "config", origin: ORIGIN },
      });
      const res = await app.request("/de/objects/TOA-7K3Q9M");
      expect(res.status).toBe(200);
      const head = readHead(await res.text());
      expect(head.lang).toBe("de");
      expect(head.titles).toEqual([text("de", "home.documentTitle")]);
      expect(h.logs.join("")).toContain("share meta: object not read");
    } finally {
      await rm(dist, { recursive: true, force: true });
      await h.deps.database.close();
    }
  });
});
