/**
 * The same-run baselines, in a process of their own as the API is: a Hono hello-world and a
 * no-op tRPC query through @hono/trpc-server, with the Hono, @hono/node-server, tRPC and adapter
 * versions the API uses (bench/package.json pins them to the API's). Every HTTP scenario is
 * reported as a ratio to these two, measured minutes apart on the same machine.
 *
 * Run as `node --import tsx baseline-server.ts <port>`; prints "listening" when ready.
 */
import { serve } from "@hono/node-server";
import { trpcServer } from "@hono/trpc-server";
import { initTRPC } from "@trpc/server";
import { Hono } from "hono";

const t = initTRPC.create();
const router = t.router({ noop: t.procedure.query(() => null) });

const app = new Hono();
app.get("/hello", (c) => c.text("Hello, world!"));
app.use("/trpc/*", trpcServer({ router, endpoint: "/trpc" }));

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: baseline-server.ts <port>");
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, () => {
  process.stdout.write("listening\n");
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
