// Plugboard for the load: the server as src/main.ts composes it (production mode, logging off, no
// background schedulers), on in-memory PGlite or a scratch PostgreSQL database (BENCH_DATABASE_URL),
// with two organizations: 50 connectors of 10 tools each, and 5. Counts its SQL statements for the
// parent (IPC "sql").
import { buildApp, createServices } from "../../src/app.js";
import { insertApiKey } from "../../src/auth/api-keys.js";
import { loadCatalog, readCatalog } from "../../src/catalog/load.js";
import { presetToolRows } from "../../src/connectors/create.js";
import { defaultConfig } from "../../src/config.js";
import { generateKeySpec, parseKeyring } from "../../src/crypto/keyring.js";
import { createSecrets } from "../../src/crypto/secrets.js";
import type { Db } from "../../src/db/client.js";
import { newId } from "../../src/db/ids.js";
import { createEgress } from "../../src/egress/egress.js";
import { createEventBus } from "../../src/events/pubsub.js";
import { createLogger } from "../../src/logger.js";
import { serve } from "../harness/child.js";
import { openDatabase } from "../../src/db/client.js";
import { scratchDatabase } from "../database.js";

export const TOOLS_PER_CONNECTOR = 10;

type Org = Awaited<ReturnType<typeof organization>>;

async function organization(db: Db, connectors: number) {
  const organizationId = newId("org");
  await db.organization.create({ data: { id: organizationId, slug: `bench-${organizationId.slice(-8)}`, name: "Bench" } });
  const { key } = await insertApiKey(db, { organizationId, role: "ADMIN" });
  const presets = await db.preset.findMany({ include: { tools: { orderBy: { position: "asc" } } }, orderBy: { slug: "asc" } });
  const ids: string[] = [];
  for (let i = 0; i < connectors; i++) {
    const preset = presets[i % presets.length];
    const own = presetToolRows(preset);
    // the preset's tools, then tools of the connector's own up to ten, as a server's sync adds them
    const tools = [...own, ...Array.from({ length: TOOLS_PER_CONNECTOR - own.length }, (_, j) => ({
      id: newId("tool"), name: `extra_${j}`, label: `Extra ${j}`, description: "a tool the server added", type: "READ" as const,
      requiresConfirmation: false, inputSchema: { type: "object", properties: { q: { type: "string" } } }, position: own.length + j,
    }))];
    const id = newId("conn");
    await db.connector.create({
      data: {
        id, organizationId, type: preset.slug, name: `${preset.name} ${i}`, handle: `c${i}`, url: preset.mcpUrl ?? "https://mcp.example.test/mcp",
        presetId: preset.id, scope: "TEAM", authType: preset.authType, tools: { create: tools },
      },
    });
    ids.push(id);
  }
  return { organizationId, key, connectorIds: ids };
}

// BENCH_ATTACH: a second instance (B5) on the first one's database, with its organizations
const attach = process.env.BENCH_ATTACH ? (JSON.parse(process.env.BENCH_ATTACH) as { databaseUrl: string; big: Org; small: Org }) : null;
const database = attach
  ? await openDatabase({ kind: "postgres", url: attach.databaseUrl }, { poolSize: 10 })
  : await scratchDatabase(process.env.BENCH_DATABASE_URL || undefined);
const { db } = database;
let statements = 0;
database.onQuery(() => statements++);
await loadCatalog(db, await readCatalog());
const big = attach ? attach.big : await organization(db, 50);
const small = attach ? attach.small : await organization(db, 5);
const logger = createLogger("silent");
const services = await createServices({
  // BENCH_EGRESS_ALLOWLIST: the gateway bench's upstream on loopback
  egress: createEgress({ allowlist: process.env.BENCH_EGRESS_ALLOWLIST ?? "", timeoutMs: 10_000 }),
  db,
  secrets: createSecrets(parseKeyring(generateKeySpec("bench"))),
  logger,
  // BENCH_REDIS_URL: events cross instances through Redis, as with REDIS_URL
  pubsub: createEventBus({ logger, redisUrl: process.env.BENCH_REDIS_URL || undefined }),
  // one key makes all the load: no rate limit
  config: defaultConfig({
    costLimit: { capacity: 0, restorePerSecond: 1 },
    upstream: { egressAllowlist: process.env.BENCH_EGRESS_ALLOWLIST ?? "" },
    // the gateway bench's agents share one key
    gateway: { maxConcurrentCalls: 64 },
  }),
});
const app = buildApp(services, {
  refresh: { enabled: false }, health: { enabled: false }, sync: { enabled: false }, webhooks: { enabled: false },
  // the fan-out's 250 sockets share one key
  limits: { connectionsPerApiKey: 1000, subscriptionsPerConnection: 100 },
});
const url = await app.start(0);
serve({
  sql: () => ({ statements }),
  gc: () => {
    (globalThis as { gc?: () => void }).gc?.();
    return { ...process.memoryUsage() };
  },
  subscribers: ({ organizationId }) => ({ count: app.services.connectorEvents.listenerCount(organizationId) }),
  stop: async () => {
    await app.stop();
    await database.close();
    return {};
  },
});
process.send!({ type: "ready", url: `${url}/graphql`, big, small, databaseUrl: "url" in database ? database.url : undefined });
