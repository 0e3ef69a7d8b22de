import fc from "fast-check";
import { z } from "zod";

/**
 * Inputs for one procedure, derived from its zod input schema through zod's own JSON Schema
 * export (zod-fast-check does not support zod 4 or fast-check 4). Three kinds, mixed:
 *  - valid-ish values: what the schema describes, with the ids, refs and codes that exist in the
 *    database, so the handler gets past validation and reaches its queries;
 *  - near-valid mutations of such a value: one field wrong-typed, too long, out of range, odd
 *    unicode, missing, or an unknown field added — where validation and handlers disagree;
 *  - random JSON.
 * Refinements the JSON Schema cannot express (cross-field rules) are left to the mutations.
 */

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Values that exist in the database, offered to fields by format or by name. */
export interface KnownValues {
  uuids: readonly string[];
  /** By property name (`ref`, `objectRef`, `receiptCode`, `email`, …). */
  byName: Readonly<Record<string, readonly (string | number)[]>>;
}

/** Never generated longer than this (a field's maxLength may be 5,000 or more). */
const MAX_GENERATED_LENGTH = 60;
const MAX_GENERATED_ITEMS = 4;
/** Past this depth a recursive schema (routing conditions) only takes branches that end. */
const MAX_DEPTH = 3;

export function inputSchemaOf(parser: unknown): JsonSchema | null {
  if (!(parser instanceof z.ZodType)) return null;
  return z.toJSONSchema(parser, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

export function validishArbitrary(root: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = root.$defs?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return target;
  };

  const build = (raw: JsonSchema, depth: number, name: string | null): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    const branches = schema.oneOf ?? schema.anyOf;
    if (branches) {
      const ending = branches.filter((b) => !JSON.stringify(b).includes("$ref"));
      const usable = depth >= MAX_DEPTH && ending.length > 0 ? ending : branches;
      return fc.oneof(...usable.map((b) => build(b, depth + 1, name)));
    }
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length > 1)
      return fc.oneof(...types.map((type) => build({ ...schema, type }, depth, name)));
    switch (types[0]) {
      case "object": {
        const properties = schema.properties ?? {};
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(properties))
          model[key] = build(value, depth + 1, key);
        return fc.record(model, { requiredKeys: schema.required ?? [] });
      }
      case "array": {
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, MAX_GENERATED_ITEMS));
        const items = schema.items ? build(schema.items, depth + 1, name) : fc.jsonValue();
        return fc.array(items, { minLength, maxLength });
      }
      case "string":
        return stringArbitrary(schema, name, known);
      case "integer":
      case "number": {
        const min =
          schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum;
        const max =
          schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : schema.maximum;
        const existing = name !== null ? (known.byName[name] ?? []) : [];
        const bounded = fc.integer({
          min: Math.max(min ?? -1000, Number.MIN_SAFE_INTEGER),
          max: Math.min(max ?? 1000, Number.MAX_SAFE_INTEGER),
        });
        // The bounds themselves, where off-by-one answers hide.
        const edges = [min, max].filter((v): v is number => v !== undefined);
        return fc.oneof(
          { weight: 4, arbitrary: bounded },
          ...(edges.length > 0 ? [fc.constantFrom(...edges)] : []),
          ...(existing.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...existing) }] : []),
        );
      }
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return build(root, 0, null);
}

function stringArbitrary(
  schema: JsonSchema,
  name: string | null,
  known: KnownValues,
): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, MAX_GENERATED_LENGTH));
  let base: fc.Arbitrary<string>;
  if (schema.format === "uuid") base = fc.uuid();
  else if (schema.format === "date-time")
    base = fc
      .date({
        min: new Date("2020-01-01T00:00:00Z"),
        max: new Date("2030-01-01T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  else if (schema.format === "uri") base = fc.webUrl();
  else if (schema.pattern) base = fc.stringMatching(new RegExp(schema.pattern));
  else
    base = fc.oneof(
      fc.string({ minLength, maxLength }),
      fc.string({ minLength, maxLength, unit: "grapheme" }),
    );
  const existing =
    schema.format === "uuid" ? known.uuids : name !== null ? (known.byName[name] ?? []) : [];
  return existing.length > 0
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...existing.map(String)) },
        { weight: 1, arbitrary: base },
      )
    : base;
}

const deeplyNested = (depth: number): unknown => (depth === 0 ? [] : [deeplyNested(depth - 1)]);

/** Values no field expects: wrong types, edge numbers, hostile and huge strings. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    -(2 ** 31) - 1,
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\udfff\ud800",
    "\u202e\u200b\ufeff",
    "'; DROP TABLE tips; --",
    "%00%27",
    "../../etc/passwd",
    "NaN",
    "Infinity",
    "1e400",
    "__proto__",
    "2026-02-30T25:61:00Z",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    [],
    {},
    JSON.parse('{"__proto__":{"polluted":true}}'),
    deeplyNested(40),
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc
    .tuple(fc.constantFrom("a", "é", "🙂", "\u0000", "x"), fc.integer({ min: 200, max: 20_000 }))
    .map(([c, n]) => c.repeat(n)),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** A copy of `value` with the node at `path` rewritten (removed when `next` returns REMOVE). */
const REMOVE = Symbol("remove");
function rewriteAt(value: unknown, path: Path, next: (old: unknown) => unknown): unknown {
  if (path.length === 0) {
    const replaced = next(value);
    return replaced === REMOVE ? undefined : replaced;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const replaced = rewriteAt(copy[head as number], rest, next);
    if (rest.length === 0 && next === removeNode) copy.splice(head as number, 1);
    else copy[head as number] = replaced;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && next === removeNode) delete copy[head as string];
  else copy[head as string] = rewriteAt(copy[head as string], rest, next);
  return copy;
}
const removeNode = () => REMOVE;

/** One mutation of one node of a valid-ish value. */
const mutation: fc.Arbitrary<(old: unknown) => unknown> = fc.oneof(
  nastyValue.map((v) => () => v),
  fc.constant(removeNode),
  fc
    .tuple(fc.constantFrom("extra", "admin", "__proto__", "constructor", "id", ""), nastyValue)
    .map(([key, v]) => (old: unknown) => {
      if (old === null || typeof old !== "object" || Array.isArray(old)) return v;
      return { ...old, [key]: v };
    }),
  // Past the bounds of what was valid: longer strings and arrays, numbers beyond the range.
  fc.integer({ min: 2, max: 6000 }).map((n) => (old: unknown) => {
    if (typeof old === "string")
      return (old || "x").repeat(n).slice(0, Math.max(n, old.length + 1));
    if (Array.isArray(old))
      return Array.from({ length: n }, (_, i) => old[i % Math.max(old.length, 1)] ?? null);
    if (typeof old === "number") return old + n;
    return old;
  }),
  fc.constantFrom(
    (old: unknown) => (typeof old === "number" ? -old - 1 : old),
    (old: unknown) => (typeof old === "number" ? old + 0.5 : old),
    (old: unknown) => (typeof old === "number" ? String(old) : old),
    (old: unknown) => (typeof old === "string" ? old.toUpperCase() + "\u0301" : old),
    (old: unknown) => (typeof old === "string" ? ` ${old} ` : old),
    (old: unknown) => (typeof old === "string" ? old.slice(0, -1) : old),
    (old: unknown) => (typeof old === "string" ? [old] : old),
    (old: unknown) => (Array.isArray(old) ? [...old, ...old] : old),
    (old: unknown) => (Array.isArray(old) ? [] : old),
  ),
);

/** A valid-ish value with one to three of its nodes (the whole value included) mutated. */
export function nearValidArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const edits = fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 });
  return fc.tuple(valid, edits).map(([value, steps]) =>
    steps.reduce<unknown>((out, [at, next]) => {
      if (out === undefined) return out;
      const paths = pathsOf(out);
      return rewriteAt(out, paths[at % paths.length]!, next);
    }, value),
  );
}

/** Valid-ish, near-valid and random inputs, in that mix. */
export function inputArbitrary(
  schema: JsonSchema | null,
  known: KnownValues,
): fc.Arbitrary<unknown> {
  const random = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), nastyValue);
  if (!schema)
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: random },
    );
  const valid = validishArbitrary(schema, known);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: nearValidArbitrary(valid) },
    { weight: 2, arbitrary: random },
  );
}
