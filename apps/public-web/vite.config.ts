import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs separately (pnpm --filter @trace/api dev); in production it serves dist/.
const API = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/trpc": API, "/media": API },
  },
  build: { outDir: "dist" },
});
