import { createHash } from "node:crypto";

/**
 * Deterministic draws for the small tables generated in TypeScript (agencies, series, rules).
 * Each draw is a hash of the seed and a name, not a step of a stateful generator: a value depends
 * only on what it is for, so adding a draw somewhere never shifts every other one. The big tables
 * use the same idea in SQL (`scale_gen.u`), hashing the seed with the row number.
 */
export interface Draw {
  /** A float in [0, 1) for `key`. */
  u(key: string): number;
  int(key: string, min: number, max: number): number;
  pick<T>(key: string, items: readonly T[]): T;
  chance(key: string, probability: number): boolean;
  /** `count` distinct items, in a stable order for `key`. */
  sample<T>(key: string, items: readonly T[], count: number): T[];
}

export function createDraw(seed: number): Draw {
  const u = (key: string) =>
    createHash("md5").update(`${seed}:${key}`).digest().readUInt32BE(0) / 4294967296;
  return {
    u,
    int: (key, min, max) => min + Math.floor(u(key) * (max - min + 1)),
    pick: (key, items) => {
      if (items.length === 0) throw new Error(`pick from an empty list (${key})`);
      return items[Math.floor(u(key) * items.length)]!;
    },
    chance: (key, probability) => u(key) < probability,
    sample: (key, items, count) =>
      items
        .map((item, i) => ({ item, order: u(`${key}:${i}`) }))
        .sort((a, b) => a.order - b.order)
        .slice(0, count)
        .map((entry) => entry.item),
  };
}
