import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

// In development the staff API runs on its own listener; the browser still sees one origin,
// so the session cookie and the CSP "self" rules behave as in production.
const STAFF_API = "http://127.0.0.1:3001";
const proxy = { "/trpc": STAFF_API, "/media": STAFF_API };

export default defineConfig({
  // .br and .gz beside each built file, served by the API when the browser accepts them
  // (docs/adr/0010-precompressed-static-files.md).
  plugins: [react(), compression({ exclude: /\.html$/ })],
  server: { port: 5174, proxy },
  preview: { port: 4174, proxy },
  build: { outDir: "dist", emptyOutDir: true },
});
