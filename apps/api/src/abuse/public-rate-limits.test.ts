import { describe, expect, it } from "vitest";
import {
  createPublicRateLimits,
  DEFAULT_RATE_LIMITS,
  KEY_ROTATION_MS,
  parseRate,
  type RateLimitConfig,
} from "./public-rate-limits";

const LIMITS: RateLimitConfig = {
  tipSubmissions: { points: 3, windowSeconds: 600 },
  receiptLookups: { points: 8, windowSeconds: 600 },
  receiptFailures: { points: 2, windowSeconds: 3600 },
  tipPhotoUploads: { points: 2, windowSeconds: 600 },
};

function setUp() {
  const clock = { now: Date.parse("2026-05-01T10:00:00.000Z") };
  const keys: Buffer[] = [];
  const limits = createPublicRateLimits({
    limits: LIMITS,
    trustedProxies: 0,
    now: () => clock.now,
    newKey: () => {
      keys.push(Buffer.alloc(32, keys.length + 1));
      return keys.at(-1)!;
    },
  });
  return { clock, keys, limits };
}

const takeMany = async (
  limits: ReturnType<typeof createPublicRateLimits>,
  address: string,
  n: number,
) => {
  const verdicts = [];
  for (let i = 0; i < n; i++) verdicts.push(await limits.forAddress(address).take("tipSubmission"));
  return verdicts;
};

describe("parseRate", () => {
  it.each([
    ["10/10m", { points: 10, windowSeconds: 600 }],
    ["30/600s", { points: 30, windowSeconds: 600 }],
    [" 5 / 1h ", { points: 5, windowSeconds: 3600 }],
    ["1/24h", { points: 1, windowSeconds: 86_400 }],
    ["10", null],
    ["10/10d", null],
    ["0/10m", null],
    ["10/0s", null],
    // A window longer than the key's day would be cut short by the rotation.
    ["10/25h", null],
    ["ten/10m", null],
  ])("%j → %j", (text, expected) => {
    expect(parseRate(text)).toEqual(expected);
  });

  it("keeps every default window within a day", () => {
    for (const rate of Object.values(DEFAULT_RATE_LIMITS))
      expect(parseRate(`${rate.points}/${rate.windowSeconds}s`)).toEqual(rate);
  });
});

describe("createPublicRateLimits", () => {
  it("lets the configured count through, then refuses with the time to wait", async () => {
    const { limits } = setUp();
    const verdicts = await takeMany(limits, "192.0.2.1", 4);
    expect(verdicts.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(verdicts[3]).toMatchObject({ ok: false });
    const wait = (verdicts[3] as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(590);
    expect(wait).toBeLessThanOrEqual(600);
  });

  it("gives each address a bucket of its own, and each action a budget of its own", async () => {
    const { limits } = setUp();
    await takeMany(limits, "192.0.2.1", 3);
    expect((await takeMany(limits, "192.0.2.1", 1))[0]!.ok).toBe(false);
    expect((await takeMany(limits, "192.0.2.2", 1))[0]!.ok).toBe(true);
    expect((await limits.forAddress("192.0.2.1").take("tipPhotoUpload")).ok).toBe(true);
  });

  it("puts senders without an address into one shared bucket", async () => {
    const { limits } = setUp();
    for (let i = 0; i < 3; i++) await limits.forAddress(null).take("tipSubmission");
    expect((await limits.forAddress(null).take("tipSubmission")).ok).toBe(false);
  });

  it("replaces the key and forgets every bucket after a day", async () => {
    const { clock, keys, limits } = setUp();
    await takeMany(limits, "192.0.2.1", 3);
    clock.now += KEY_ROTATION_MS - 1;
    expect((await takeMany(limits, "192.0.2.1", 1))[0]!.ok).toBe(false);
    expect(keys).toHaveLength(1);
    clock.now += 1;
    expect(await takeMany(limits, "192.0.2.1", 3)).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(keys).toHaveLength(2);
  });

  it("rotates on the timer's call too, without any request", () => {
    const { clock, keys, limits } = setUp();
    limits.rotateIfDue();
    expect(keys).toHaveLength(1);
    clock.now += KEY_ROTATION_MS;
    limits.rotateIfDue();
    expect(keys).toHaveLength(2);
    // A clock set back cannot keep an old key alive.
    clock.now -= 1000;
    limits.rotateIfDue();
    expect(keys).toHaveLength(3);
  });

  it("counts only failed receipt look-ups against the failure budget", async () => {
    const { limits } = setUp();
    const honest = limits.forAddress("192.0.2.1");
    // Found codes give their failure point back: more checks than failures allowed.
    for (let i = 0; i < 5; i++) {
      const lookup = await honest.beginReceiptLookup();
      expect(lookup.ok).toBe(true);
      if (lookup.ok) await lookup.found();
    }
    const guesser = limits.forAddress("192.0.2.2");
    expect((await guesser.beginReceiptLookup()).ok).toBe(true);
    expect((await guesser.beginReceiptLookup()).ok).toBe(true);
    const refused = await guesser.beginReceiptLookup();
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(3500);
  });

  it("caps all receipt look-ups, found or not", async () => {
    const { limits } = setUp();
    const client = limits.forAddress("192.0.2.1");
    for (let i = 0; i < LIMITS.receiptLookups.points; i++) {
      const lookup = await client.beginReceiptLookup();
      expect(lookup.ok).toBe(true);
      if (lookup.ok) await lookup.found();
    }
    expect((await client.beginReceiptLookup()).ok).toBe(false);
  });

  it("holds concurrent guesses to the failure budget", async () => {
    const { limits } = setUp();
    const guesser = limits.forAddress("192.0.2.3");
    const all = await Promise.all(Array.from({ length: 6 }, () => guesser.beginReceiptLookup()));
    expect(all.filter((l) => l.ok)).toHaveLength(LIMITS.receiptFailures.points);
  });
});
