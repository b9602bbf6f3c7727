import { Writable } from "node:stream";
import { afterAll } from "vitest";
import { type App, type AppOptions, buildApp } from "../../src/app.js";
import { createApiKey } from "../../src/auth/api-keys.js";
import { prisma } from "../../src/db/client.js";
import { newId } from "../../src/db/ids.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createLogger } from "../../src/logger.js";
import { loadCatalog, readCatalog } from "../../src/modules/presets/catalog.js";
import { openTestDatabase } from "./database.js";
import { generateKeySpec, parseKeyring } from "../../src/crypto/keyring.js";
import { useKeyring } from "../../src/crypto/secrets.js";

/** The keyring of this test file (exported so tests can check what is stored). */
export const TEST_KEYS = generateKeySpec("test");
import { type GraphQLClient, graphqlClient } from "./graphql.js";

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

/** One database per test file (opened once), with the catalog loaded; any number of servers on it. */
export async function startServer(
  options: { withCatalog?: boolean; /** more buildApp options (config, refresh, ...) */ app?: Omit<AppOptions, "logger"> } = {},
): Promise<TestServer> {
  if (!databaseClose) {
    databaseClose = await openTestDatabase();
    useKeyring(parseKeyring(TEST_KEYS));
    if (options.withCatalog !== false) await loadCatalog(prisma, await readCatalog());
    afterAll(async () => {
      await databaseClose?.();
      databaseClose = null;
    });
  }
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = buildApp({ drainTimeoutMs: 2_000, ...options.app, logger: createLogger("debug", sink) });
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
  const { id: keyId, key } = await createApiKey(prisma, { organizationId, userId, role });
  return { key, keyId, organizationId, userId, role };
}
