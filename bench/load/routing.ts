import {
  compileRules,
  COUNTRY_CONFIDENCES,
  evaluateRouting,
  OBJECT_CATEGORIES,
  RoutingRuleSchema,
  simulateRouting,
  TIP_CONFIDENCES,
  type CountryCode,
  type RoutableRule,
  type RoutingCondition,
  type RoutingContext,
  type RoutingFacts,
  type SimulationItem,
} from "@trace/domain";

/** mulberry32: a small seeded generator, so every run routes the same rules and tips. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind.toString(16).padStart(3, "0")}-${n.toString(16).padStart(12, "0")}`;

const COUNTRIES: CountryCode[] = ["BE", "NL", "FR", "DE", "PL", "ES", "IT", "PT", "AT", "CZ"];
const LANGUAGES = ["en", "fr", "nl", "de", "pl", "es", "it", "pt"];
const KEYWORDS = [
  "ikea",
  "hema",
  "la redoute",
  "zeeman",
  "carrefour",
  "lidl",
  "primark",
  "café",
  "straße",
  "kiosk",
  "market",
  "hotel",
  "school",
  "camping",
  "église",
];
const WORDS = [
  "I saw this",
  "pattern",
  "in a shop",
  "at IKEA",
  "near the station",
  "Hema bag",
  "hotel room",
  "camping site",
  "school uniform",
  "Straße",
  "market stall",
  "no idea really",
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}
function some<T>(random: () => number, values: readonly T[], max: number): T[] {
  const n = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: n }, () => pick(random, values)))];
}

function leaf(random: () => number): RoutingCondition {
  switch (Math.floor(random() * 7)) {
    case 0:
      return { type: "tip_country", countries: some(random, COUNTRIES, 3) };
    case 1:
      return {
        type: "series_suspected_country",
        countries: some(random, COUNTRIES, 3),
        minConfidence: pick(random, COUNTRY_CONFIDENCES),
      };
    case 2:
      return { type: "object_category", categories: some(random, OBJECT_CATEGORIES, 3) };
    case 3:
      return { type: "tip_language", languages: some(random, LANGUAGES, 3) };
    case 4:
      return { type: "keywords", keywords: some(random, KEYWORDS, 6) };
    case 5:
      return { type: "tip_confidence", atLeast: pick(random, TIP_CONFIDENCES) };
    default:
      return {
        type: "object_ref",
        refs: Array.from({ length: 1 + Math.floor(random() * 3) }, () => objectRef(random)),
      };
  }
}

const REF_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function objectRef(random: () => number): string {
  // A small set of refs, so object_ref conditions match some tips.
  const n = Math.floor(random() * 200);
  let s = "";
  for (let i = 0, x = n * 7919 + 12345; i < 6; i++, x = Math.floor(x / 32) + i * 13) {
    s += REF_ALPHABET[x % 32];
  }
  return `TOA-${s}`;
}

function condition(random: () => number): RoutingCondition {
  const roll = random();
  if (roll < 0.4) return leaf(random);
  if (roll < 0.75) return { type: "all", conditions: [leaf(random), leaf(random)] };
  if (roll < 0.9) {
    return { type: "any", conditions: [leaf(random), leaf(random), leaf(random)] };
  }
  return { type: "all", conditions: [leaf(random), { type: "not", condition: leaf(random) }] };
}

/** `count` valid rules (checked against the stored rule schema) over `agencies` agencies. */
export function generateRules(seed: number, count: number, agencies: number): RoutableRule[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const actions: RoutableRule["actions"] = [
      { type: "refer", agencyIds: [uuid(1, Math.floor(random() * agencies))] },
    ];
    if (random() < 0.2) actions.push({ type: "set_priority", priority: "high" });
    if (random() < 0.05) actions.push({ type: "require_human_review" });
    const rule = {
      id: uuid(2, i),
      name: `Generated rule ${i}`,
      version: 1,
      position: i,
      isEnabled: random() < 0.95,
      condition: condition(random),
      actions,
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    return RoutingRuleSchema.parse(rule);
  });
}

export function generateFacts(seed: number, count: number): RoutingFacts[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const aboutObject = random() < 0.85;
    return {
      tip: {
        id: uuid(3, i),
        country: random() < 0.8 ? pick(random, COUNTRIES) : null,
        language: pick(random, LANGUAGES),
        confidence: pick(random, TIP_CONFIDENCES),
        text: random() < 0.9 ? some(random, WORDS, 4).join(", ") : null,
        placeOrShop: random() < 0.4 ? pick(random, WORDS) : null,
        brandOrProduct: random() < 0.3 ? pick(random, WORDS) : null,
        evidenceLinks: [],
      },
      object: aboutObject
        ? { ref: objectRef(random), category: pick(random, OBJECT_CATEGORIES) }
        : null,
      series: aboutObject
        ? {
            suspectedCountries: some(random, COUNTRIES, 2).map((country) => ({
              country,
              confidence: pick(random, COUNTRY_CONFIDENCES),
            })),
          }
        : null,
    };
  });
}

export function routingContext(agencies: number): RoutingContext {
  return {
    agencies: new Map(
      Array.from({ length: agencies }, (_, i) => [
        uuid(1, i),
        { name: `Agency ${i}`, code: `AG-${i}` },
      ]),
    ),
  };
}

export interface TimingSummary {
  iterations: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function summarise(samples: number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    iterations: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]!),
  };
}

export interface RoutingResults {
  /** 1,000 rules on one tip, compiled once (the engine's bulk path), decision only. */
  evaluateCompiled: TimingSummary;
  /** The same, with the explanations worded (what a staff view of one tip reads). */
  evaluateWithExplanations: TimingSummary;
  /** Compiling the rules for that one tip too, as a request that loaded them does. */
  evaluateFromFreshRules: TimingSummary;
  /** 100 current rules against 100 draft rules over 100,000 tips. */
  simulate: TimingSummary & { tips: number; rules: number; changed: number };
}

/**
 * In-process timings of the routing engine (packages/domain), many iterations each after a
 * warm-up; every tip gets its own facts, so no result is reused.
 */
export function benchRouting(options: {
  seed: number;
  rules: number;
  simulationRules: number;
  simulationTips: number;
  iterations: number;
  simulationRuns: number;
}): RoutingResults {
  const agencies = 50;
  const context = routingContext(agencies);
  const rules = generateRules(options.seed, options.rules, agencies);
  const facts = generateFacts(options.seed + 1, Math.max(options.iterations, 1_000));
  const compiled = compileRules(rules);
  let sink = 0;

  const time = (iterations: number, run: (i: number) => void): number[] => {
    for (let i = 0; i < Math.min(200, iterations); i++) run(i); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      run(i);
      samples.push(performance.now() - started);
    }
    return samples;
  };
  const factsAt = (i: number) => facts[i % facts.length]!;

  const evaluateCompiled = time(options.iterations, (i) => {
    sink += evaluateRouting(factsAt(i), compiled, context).referTo.length;
  });
  const evaluateWithExplanations = time(options.iterations, (i) => {
    sink += evaluateRouting(factsAt(i), compiled, context).explanations.length;
  });
  const evaluateFromFreshRules = time(options.iterations, (i) => {
    // A new array each time, as rules freshly loaded for a request are: compiled again.
    sink += evaluateRouting(factsAt(i), [...rules], context).referTo.length;
  });

  const current = generateRules(options.seed + 2, options.simulationRules, agencies);
  const draft = current.map((rule, i) =>
    i % 10 === 0 ? { ...rule, isEnabled: !rule.isEnabled } : rule,
  );
  const items: SimulationItem[] = generateFacts(options.seed + 3, options.simulationTips).map(
    (f) => ({ tipId: f.tip.id, facts: f }),
  );
  let changed = 0;
  const simulate = time(options.simulationRuns, () => {
    changed = simulateRouting(current, draft, items, context).changed.length;
  });
  if (sink < 0) throw new Error("unreachable");

  return {
    evaluateCompiled: summarise(evaluateCompiled),
    evaluateWithExplanations: summarise(evaluateWithExplanations),
    evaluateFromFreshRules: summarise(evaluateFromFreshRules),
    simulate: {
      ...summarise(simulate),
      tips: items.length,
      rules: options.simulationRules,
      changed,
    },
  };
}
