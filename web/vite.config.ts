import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app is served by nginx at / on the API's own origin (/auth/, /api/), so
// every request is same-origin. For `npm run dev`, API_PROXY names a running
// stack to forward /auth and /api to (e.g. API_PROXY=http://127.0.0.1:8080).
const apiProxy = process.env.API_PROXY ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    // The Content-Security-Policy forbids inline script: no inline
    // modulepreload polyfill in index.html (browsers we target support
    // modulepreload natively).
    modulePreload: { polyfill: false },
    // Hashed names under assets/ (Vite's default), cached immutably by nginx.
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false,
    // Never inline assets as data: URLs (the CSP need not allow data:).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/auth": apiProxy,
      "/api": apiProxy,
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
