import { Writable } from "node:stream";
import { afterAll } from "vitest";
import { type App, type AppOptions, buildApp, createServices } from "../../src/app.js";
import { insertApiKey } from "../../src/auth/api-keys.js";
import { type ConfigInput, defaultConfig } from "../../src/config.js";
import { createEgress } from "../../src/egress/egress.js";
import { generateKeySpec, parseKeyring } from "../../src/crypto/keyring.js";
import { createSecrets } from "../../src/crypto/secrets.js";
import { newId } from "../../src/db/ids.js";
import { createEventBus, type PubSub } from "../../src/events/pubsub.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createLogger } from "../../src/logger.js";
import { loadCatalog, readCatalog } from "../../src/catalog/load.js";
import { type CatalogUpstream, startCatalogUpstream } from "../servers/catalog-upstream.js";
import type { Db } from "../../src/db/client.js";
import { openTestDatabase, prisma } from "./database.js";
import { type GraphQLClient, graphqlClient } from "./graphql.js";

/** The keyring of this test file. */
const TEST_KEYS = generateKeySpec("test");
/** The secrets of this test file's servers; tests seal or open what is stored with the four below. */
const secrets = createSecrets(parseKeyring(TEST_KEYS));
export const { seal: sealSecret, open: openSecret, sealJson, openJson } = secrets;

/** What a test may set of a server: its configuration, its event bus, and the app's own options. */
export interface TestAppOptions extends AppOptions {
  /** loopback servers are allowed (EGRESS_ALLOWLIST=127.0.0.1,::1) and MCP_TIMEOUT is 3 s unless set */
  config?: ConfigInput;
  /** the event bus; made from redisUrl (or in memory) when absent */
  pubsub?: PubSub;
  redisUrl?: string;
  /** the database client the server uses: this file's database unless given (one reached another way) */
  db?: Db;
}

export interface TestServer {
  url: string;
  app: App;
  /** every log line the server wrote, for the no-secret-in-logs checks */
  logs: string[];
  /** a client acting with the given API key */
  as(key: string): GraphQLClient;
  stop(): Promise<void>;
}

let databaseClose: (() => Promise<void>) | null = null;
let standIn: CatalogUpstream | null = null;

/** Where a shipped preset URL points in this file's catalog (the stand-in's), or the URL itself. */
export const catalogUrl = (shipped: string) => (standIn ? standIn.urlFor(shipped) : shipped);
/** The stand-in for the catalog's servers of this test file, when it has one. */
export const catalogUpstream = () => standIn;

/**
 * One database per test file (opened once), with the catalog loaded; any number of servers on it.
 * The catalog's presets point at one loopback MCP server standing in for theirs (so connecting a
 * preset really talks MCP), unless `catalog: "shipped"` keeps the real URLs (nothing answers there).
 */
export async function startServer(
  options: {
    withCatalog?: boolean;
    catalog?: "stand-in" | "shipped";
    /** the server's configuration and app options (refresh, limits, ...) */
    app?: TestAppOptions;
  } = {},
): Promise<TestServer> {
  if (!databaseClose) {
    databaseClose = await openTestDatabase();
    if (options.withCatalog !== false) {
      const shipped = await readCatalog();
      if (options.catalog !== "shipped") standIn = await startCatalogUpstream(shipped);
      await loadCatalog(prisma, standIn ? standIn.presets : shipped);
    }
    afterAll(async () => {
      await databaseClose?.();
      databaseClose = null;
      await standIn?.stop();
      standIn = null;
    });
  }
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const { config, pubsub, redisUrl, db, ...appOptions } = options.app ?? {};
  const logger = createLogger("debug", sink);
  // no rate limit unless a test sets one: a test file's key makes more requests than a person would
  const serverConfig = defaultConfig({ costLimit: { capacity: 0, restorePerSecond: 1 }, ...config, upstream: { egressAllowlist: "127.0.0.1,::1", timeoutMs: 3_000, ...config?.upstream } });
  const services = await createServices({
    egress: createEgress({ allowlist: serverConfig.upstream.egressAllowlist, timeoutMs: serverConfig.upstream.timeoutMs }),
    db: db ?? prisma,
    secrets,
    logger,
    pubsub: pubsub ?? createEventBus({ redisUrl, logger }),
    config: serverConfig,
  });
  // the periodic health checks and tool sync run only where a test asks for them: elsewhere they
  // would change connectors under the test's feet; the webhook worker's polling would add
  // statements to the query-count tests
  const app = buildApp(services, {
    drainTimeoutMs: 2_000,
    health: { enabled: false },
    sync: { enabled: false },
    webhooks: { enabled: false },
    ...appOptions,
  });
  const url = await app.start(0, "127.0.0.1");
  const server: TestServer = {
    url,
    app,
    logs,
    as: (key) => graphqlClient(url, key),
    stop: () => app.stop(),
  };
  afterAll(() => app.stop());
  return server;
}

export interface Actor {
  key: string;
  keyId: string;
  organizationId: string;
  userId: string | null;
  role: Role;
}

/** A new organization with its own data; each test builds what it needs. */
export async function createOrganization(slug = `org-${newId("org").slice(-8)}`) {
  return prisma.organization.create({ data: { id: newId("org"), slug, name: `Organization ${slug}` } });
}

/** A user with an API key, in the given organization (or a new one). */
export async function createActor(options: { organizationId?: string; role?: Role; withUser?: boolean } = {}): Promise<Actor> {
  const organizationId = options.organizationId ?? (await createOrganization()).id;
  const role = options.role ?? "ADMIN";
  let userId: string | null = null;
  if (options.withUser !== false) {
    const id = newId("user");
    await prisma.user.create({ data: { id, organizationId, email: `${id}@example.test`, name: `User ${id.slice(-6)}`, role } });
    userId = id;
  }
  const { id: keyId, key } = await insertApiKey(prisma, { organizationId, userId, role });
  return { key, keyId, organizationId, userId, role };
}
