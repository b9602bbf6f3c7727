// The Prisma CLI (generate, migrate) runs its bundled WASM schema engine through a driver adapter,
// so it works offline: no native engine download. The adapter follows DATABASE_URL like the server.
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./src/db/cli-adapter.js";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: () => cliAdapter(process.env.DATABASE_URL),
});
