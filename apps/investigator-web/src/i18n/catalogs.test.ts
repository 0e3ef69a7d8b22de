import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  CASE_STATUSES,
  COUNTRY_CONFIDENCES,
  DELIVERY_CHANNELS,
  OBJECT_CATEGORIES,
  OBJECT_STATUSES,
  PUBLIC_TIP_STATUSES,
  REFERRAL_DISPOSITIONS,
  REFERRAL_MESSAGE_SIDES,
  REFERRAL_STATUSES,
  ROLES,
  ROUTING_OUTCOMES,
  SERIES_STATUSES,
  TIP_CONFIDENCES,
  TIP_PRIORITIES,
  TIP_QUEUES,
  TIP_SORTS,
  TIP_TRUST_REASONS,
  TRIAGE_OUTCOMES,
  TRIAGE_STATUSES,
  type RoutingAction,
} from "@trace/domain";
import { compileMessages } from "@trace/ui/i18n";
import { STAFF_LOCALES, type Catalog } from ".";

const LOCALES_DIR = join(import.meta.dirname, "locales");
const SRC_DIR = join(import.meta.dirname, "..");

function readCatalog(locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}

/** Every message with its path (a key may hold a dot: "auth.login"), in catalog order. */
function leaves(node: unknown, path: string[] = []): Array<[string[], unknown]> {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [[path, node]];
  return Object.entries(node).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/** Every message as "path.to.key" → ICU source. */
function flatten(node: unknown): Map<string, string> {
  return new Map(
    leaves(node).map(([path, source]) => {
      if (typeof source !== "string")
        throw new Error(`${path.join(".")}: a catalog holds strings and groups of strings only`);
      return [path.join("."), source];
    }),
  );
}

/** The placeholders of a message, each with its kind (plain, number, date, plural, …). */
function placeholders(elements: MessageFormatElement[], out = new Map<string, TYPE>()) {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      placeholders(e.children, out);
      continue;
    }
    out.set(e.value, e.type);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) placeholders(option.value, out);
  }
  return out;
}

const signature = (source: string) =>
  [...placeholders(parse(source))]
    .map(([name, type]) => `${name}:${TYPE[type]}`)
    .sort()
    .join();

/** A value of the right kind for each placeholder, so every message can be formatted. */
function sampleValues(source: string): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, type] of placeholders(parse(source))) {
    if (type === TYPE.number || type === TYPE.plural) values[name] = 2;
    else if (type === TYPE.date || type === TYPE.time) values[name] = new Date();
    else values[name] = `‹${name}›`;
  }
  return values;
}

const english = flatten(readCatalog("en"));
const localeFiles = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

describe("message catalogs", () => {
  it("exist for exactly the site's locales, English among them", () => {
    expect(localeFiles).toEqual([...STAFF_LOCALES].sort());
    expect(localeFiles).toContain("en");
  });

  it("parse: every English message is valid ICU", () => {
    const broken = [...english].filter(([, source]) => {
      try {
        parse(source);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  describe.each(localeFiles.filter((l) => l !== "en"))("%s", (locale) => {
    const catalog = flatten(readCatalog(locale));

    it("has exactly the English keys", () => {
      expect([...catalog.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...english.keys()].filter((k) => !catalog.has(k))).toEqual([]);
    });

    it("has the same placeholders as English in every message, and no empty one", () => {
      const mismatches = [...catalog].filter(([key, source]) => {
        const wanted = english.get(key);
        if (wanted === undefined) return false;
        try {
          return source.trim() === "" || signature(source) !== signature(wanted);
        } catch {
          return true; // does not parse
        }
      });
      expect(mismatches.map(([key]) => key)).toEqual([]);
    });
  });

  it.each(localeFiles)("%s: formats every message without error", (locale) => {
    const catalog = readCatalog(locale);
    const messages = compileMessages<unknown>(catalog, locale);
    for (const [path, source] of leaves(catalog)) {
      const key = path.join(".");
      const fn = path.reduce<unknown>(
        (node, part) => (node as Record<string, unknown>)[part],
        messages,
      );
      expect(typeof fn, key).toBe("function");
      const text = (fn as (v: object) => string)(sampleValues(source as string));
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it("formats plurals and numbers as English expects", () => {
    const m = compileMessages<Catalog>(readCatalog("en"), "en");
    expect(m.inbox.tipCount({ n: 1 })).toBe("1 tip");
    expect(m.inbox.tipCount({ n: 1200 })).toBe("1,200 tips");
    expect(m.routing.simulate.status({ total: 1, changed: 0 })).toBe(
      "1 tip checked: none would be routed differently.",
    );
    expect(m.routing.simulate.status({ total: 40, changed: 3 })).toBe(
      "40 tips checked: 3 would be routed differently.",
    );
    expect(m.triage.inbox.bulkDone({ ok: 2, failed: 0 })).toBe("2 triaged.");
    expect(m.triage.inbox.bulkDone({ ok: 2, failed: 1 })).toBe("2 triaged, 1 not changed.");
  });
});

/**
 * Groups whose messages are looked up by a value (`m.labels.role[user.role]()`): each must have
 * exactly the keys of its domain list, so a missing or stray label fails here. `null`: the group
 * is keyed by codes from outside the app (API error codes), read through `messageFor`, and only
 * has to be referenced.
 */
const INDEXED: Record<string, readonly string[] | null> = {
  "labels.role": ROLES,
  "labels.triageStatus": TRIAGE_STATUSES,
  "labels.publicStatus": PUBLIC_TIP_STATUSES,
  "labels.priority": TIP_PRIORITIES,
  "labels.confidence": TIP_CONFIDENCES,
  "labels.sort": TIP_SORTS,
  "labels.objectCategory": OBJECT_CATEGORIES,
  "labels.objectStatus": OBJECT_STATUSES,
  "cases.labels.caseStatus": CASE_STATUSES,
  "cases.labels.seriesStatus": SERIES_STATUSES,
  "cases.labels.confidence": COUNTRY_CONFIDENCES,
  "referrals.labels.status": REFERRAL_STATUSES,
  "referrals.labels.disposition": REFERRAL_DISPOSITIONS,
  "referrals.labels.channel": DELIVERY_CHANNELS,
  "referrals.labels.timeline": ["sent", "delivered", "acknowledged", "disposed"],
  "referrals.agencies.channelHints": DELIVERY_CHANNELS,
  "referrals.thread.from": REFERRAL_MESSAGE_SIDES,
  "referrals.thread.forSide": REFERRAL_MESSAGE_SIDES,
  "routing.actions.types": [
    "refer",
    "set_priority",
    "require_human_review",
  ] satisfies RoutingAction["type"][],
  "routing.conditions.group": ["all", "any", "not"],
  "routing.conditions.groupHint": ["all", "any", "not"],
  "routing.inline.tipConfidence": TIP_CONFIDENCES,
  "routing.inline.countryConfidence": COUNTRY_CONFIDENCES,
  "routing.inline.priority": TIP_PRIORITIES,
  "routing.tryOnTip.outcome": ROUTING_OUTCOMES,
  "similarity.level": ["near_duplicate", "similar", "different"],
  "triage.audit.actions": AUDIT_ACTIONS,
  "triage.audit.entityTypes": AUDIT_ENTITY_TYPES,
  "tip.trust.reasons": TIP_TRUST_REASONS,
  "triage.outcomes": TRIAGE_OUTCOMES,
  "triage.queues": [...TIP_QUEUES, "label"],
  "triage.errors": null,
  "referrals.errors": null,
  "referrals.deliveries.topics": null,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("message usage", () => {
  const source = sourceFiles(SRC_DIR)
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const catalog = readCatalog("en");
  const groupAt = (path: string) =>
    path.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)?.[part], catalog);

  it("indexed groups have exactly the keys of their domain lists", () => {
    for (const [group, keys] of Object.entries(INDEXED)) {
      const node = groupAt(group);
      expect(typeof node, group).toBe("object");
      if (keys) expect(Object.keys(node as object).sort(), group).toEqual([...keys].sort());
    }
  });

  it("uses every key in the source (`m.path.to.key(`, or an indexed group)", () => {
    const unused = [...english.keys()].filter((key) => {
      const group = Object.keys(INDEXED).find((g) => key.startsWith(`${g}.`));
      if (group) return !new RegExp(`\\bm\\.${group.replace(/\./g, "\\.")}[[,)]`).test(source);
      const escaped = key.replace(/\./g, "\\.");
      return !new RegExp(`\\bm\\.${escaped}(\\.rich)?\\(`).test(source);
    });
    expect(unused).toEqual([]);
  });

  it("has every key the source calls (`m.path.to.key(`)", () => {
    const called = new Set(
      [...source.matchAll(/\bm((?:\.[A-Za-z_]\w*)+)(?:\.rich)?\(/g)].map((match) =>
        match[1]!.slice(1).replace(/\.rich$/, ""),
      ),
    );
    // `m` is also the usual name of a list item (a message, a match); those paths start with a
    // field no catalog group has.
    const catalogPaths = [...called].filter((path) => path.split(".")[0]! in catalog);
    expect(catalogPaths.filter((path) => !english.has(path))).toEqual([]);
    const missingGroups = Object.keys(INDEXED).filter((group) => groupAt(group) === undefined);
    expect(missingGroups).toEqual([]);
  });

  it("passes each message exactly the placeholders it names", () => {
    // Placeholder names are not typed at call sites: read each call `m.path({ a, b })` (a group
    // indexed by a value stands for each of its messages) and compare its keys with the message's.
    const mismatches: string[] = [];
    for (const file of sourceFiles(SRC_DIR)) {
      const sf = ts.createSourceFile(
        file,
        readFileSync(file, "utf8"),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node) => {
        ts.forEachChild(node, visit);
        if (!ts.isCallExpression(node)) return;
        const callee = node.expression.getText(sf);
        const path = /^m((?:\.\w+|\[[^\]]+\])+)$/.exec(callee)?.[1];
        if (!path) return;
        const steps = [...path.matchAll(/\.(\w+)|\[[^\]]+\]/g)].map((step) => step[1] ?? null);
        const sources = steps
          .reduce<unknown[]>(
            (nodes, step) =>
              nodes.flatMap((n) =>
                typeof n !== "object" || n === null
                  ? []
                  : step === null
                    ? Object.values(n)
                    : [(n as Record<string, unknown>)[step]],
              ),
            [catalog],
          )
          .filter((n): n is string => typeof n === "string");
        const arg = node.arguments[0];
        const given = (
          arg && ts.isObjectLiteralExpression(arg)
            ? arg.properties.map((p) => p.name?.getText(sf) ?? "…")
            : []
        )
          .sort()
          .join();
        for (const source of sources) {
          const wanted = [...placeholders(parse(source)).keys()].sort().join();
          if (wanted !== given) mismatches.push(`${callee}: wants {${wanted}}, given {${given}}`);
        }
      };
      visit(sf);
    }
    expect(mismatches).toEqual([]);
  });
});
