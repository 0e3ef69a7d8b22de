import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { createTestDatabases } from "../testing";
import { appendAuditEvent, listAuditEvents, verifyAuditChain } from "./audit";

const engines = await createTestDatabases();

describe.each(engines)("audit trail [$name]", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
    for (let i = 0; i < 5; i++) {
      await database.db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: new Date(Date.UTC(2026, 0, 1, 0, i)),
          actorId: null,
          action: "tip.submitted",
          entityType: "tip",
          entityId: `tip-${i}`,
        }),
      );
    }
  });
  afterAll(() => engine.dispose());

  it("chains every event to the one before it", async () => {
    const events = await listAuditEvents(database.db);
    expect(events).toHaveLength(5);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(await verifyAuditChain(database.db)).toEqual({ verified: 5, brokenAt: null });
  });

  it.each([
    ["update", sql`update audit_events set reason = 'edited' where seq = 2`],
    ["delete", sql`delete from audit_events where seq = 2`],
    ["truncate", sql`truncate audit_events`],
  ])("refuses to %s a row, whoever asks", async (_name, statement) => {
    await expect(database.db.execute(statement)).rejects.toThrow();
    expect(await listAuditEvents(database.db)).toHaveLength(5);
  });

  it("finds the first tampered row when the protection is switched off", async () => {
    await database.db.execute(
      sql`alter table audit_events disable trigger audit_events_no_update_or_delete`,
    );
    await database.db.execute(sql`update audit_events set entity_id = 'tip-x' where seq = 3`);
    await database.db.execute(
      sql`alter table audit_events enable trigger audit_events_no_update_or_delete`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({ verified: 2, brokenAt: 3 });
    // The same answer when the chain is read in small pages.
    expect(await verifyAuditChain(database.db, 2)).toEqual({ verified: 2, brokenAt: 3 });
  });
});

describe.each(engines)("audit chain under concurrent appends [$name]", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => engine.dispose());

  it("links concurrent appends one after another, each to the event committed just before it", async () => {
    // Each transaction lingers after its append, so on PostgreSQL the others queue on the lock
    // and must read the head only once it is granted (a head read earlier forks the chain).
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await appendAuditEvent(tx, {
            at: new Date(Date.UTC(2026, 0, 2, 0, i)),
            actorId: null,
            action: "tip.submitted",
            entityType: "tip",
            entityId: `concurrent-${i}`,
          });
          await tx.execute(sql`select pg_sleep(0.02)`);
        }),
      ),
    );
    // Hashed in the database as `auditHash` hashes in Node, whatever the characters.
    await database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        at: new Date(Date.UTC(2026, 0, 3, 4, 5, 6, 789)),
        actorId: "00000000-0000-4000-8000-000000000001",
        action: "tip.triaged",
        entityType: "tip",
        entityId: 'tip "quoted" \\ back',
        reason: 'Zoë\'s "note"\nline two\t😀 日本語 \u2028',
      }),
    );
    const events = await listAuditEvents(database.db);
    expect(events).toHaveLength(13);
    expect(events.at(-1)).toMatchObject({
      at: "2026-01-03T04:05:06.789Z",
      reason: 'Zoë\'s "note"\nline two\t😀 日本語 \u2028',
      prevHash: events.at(-2)!.hash,
    });
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(events.length);
    expect(await verifyAuditChain(database.db)).toEqual({
      verified: events.length,
      brokenAt: null,
    });
  });
});
