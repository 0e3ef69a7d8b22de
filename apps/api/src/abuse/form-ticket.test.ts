import { describe, expect, it } from "vitest";
import { issueFormTicket, readFormTicket } from "./form-ticket";

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const at = new Date("2026-05-01T10:00:00.000Z");

describe("form tickets", () => {
  it("reads back the moment it was issued, to the millisecond", () => {
    const ticket = issueFormTicket(key, at);
    expect(readFormTicket(key, ticket)).toEqual(at);
    const later = new Date(at.getTime() + 1_234);
    expect(readFormTicket(key, issueFormTicket(key, later))).toEqual(later);
  });

  it("is short, URL- and form-safe, and names nothing but the time", () => {
    const ticket = issueFormTicket(key, at);
    expect(ticket).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]+$/);
    expect(ticket.length).toBeLessThanOrEqual(64);
    // Two tickets of the same moment are the same: nothing in it tells one form from another.
    expect(issueFormTicket(key, at)).toBe(ticket);
  });

  const [issued, signature] = issueFormTicket(key, at).split(".") as [string, string];
  const refused: [string, string | undefined][] = [
    ["nothing", undefined],
    ["an empty string", ""],
    ["another key's ticket", issueFormTicket(otherKey, at)],
    [
      "a time moved earlier under the old signature",
      `${(at.getTime() - 60_000).toString(36)}.${signature}`,
    ],
    ["a truncated signature", `${issued}.${signature.slice(0, -2)}`],
    ["no signature", `${issued}.`],
    ["an extra part", `${issued}.${signature}.x`],
    ["a time that is not base 36", `${issued.toUpperCase()}!.${signature}`],
    ["something far too long", `${issued}.${"A".repeat(80)}`],
  ];
  it.each(refused)("refuses %s", (_name, ticket) => {
    expect(readFormTicket(key, ticket)).toBeNull();
  });
});
