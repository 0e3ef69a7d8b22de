import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

/** Asks a one-route app which address it sees, with a socket peer as @hono/node-server gives it. */
async function seen(
  trustedProxies: number,
  socket: string | undefined,
  forwardedFor?: string,
): Promise<string | null> {
  const app = new Hono();
  app.get("/", (c) => c.json({ address: clientAddress(c, trustedProxies) }));
  const headers: Record<string, string> = forwardedFor ? { "X-Forwarded-For": forwardedFor } : {};
  const env =
    socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } };
  const res = await app.request("/", { headers }, env);
  return ((await res.json()) as { address: string | null }).address;
}

describe("clientAddress", () => {
  it.each([
    ["no proxy: the socket, the header ignored", 0, "192.0.2.10", "203.0.113.5", "192.0.2.10"],
    ["one proxy: the address it saw", 1, "10.0.0.2", "203.0.113.5", "203.0.113.5"],
    [
      "one proxy: entries the client wrote itself are not believed",
      1,
      "10.0.0.2",
      "198.51.100.1, 198.51.100.2, 203.0.113.5",
      "203.0.113.5",
    ],
    ["two proxies", 2, "10.0.0.2", "198.51.100.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"],
    ["more proxies than hops: the leftmost", 3, "10.0.0.2", "203.0.113.5", "203.0.113.5"],
    ["a trusted proxy that sent no header: its own address", 1, "10.0.0.2", undefined, "10.0.0.2"],
    ["a port written by the proxy is dropped", 1, "10.0.0.2", "203.0.113.5:51234", "203.0.113.5"],
    ["IPv4-mapped IPv6 is IPv4", 0, "::ffff:192.0.2.10", undefined, "192.0.2.10"],
  ])("%s", async (_name, trusted, socket, header, expected) => {
    expect(await seen(trusted, socket, header)).toBe(expected);
  });

  it("is null without a socket, unless a trusted proxy's header names the client", async () => {
    expect(await seen(0, undefined, "203.0.113.5")).toBeNull();
    expect(await seen(1, undefined, "203.0.113.5")).toBe("203.0.113.5");
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["192.0.2.10", "192.0.2.10"],
    [" 192.0.2.10 ", "192.0.2.10"],
    ["192.0.2.10:8080", "192.0.2.10"],
    ["::ffff:192.0.2.10", "192.0.2.10"],
    ["::ffff:c000:20a", "192.0.2.10"],
    // One subscriber's /64 is one bucket, however many addresses of it are used.
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["[2001:DB8:1:2::1]:443", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["not-an-address", "not-an-address"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});
