import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildApp, createServices } from "./app.js";
import { bootstrap } from "./auth/bootstrap.js";
import { defaultConfig } from "./config.js";
import { createSecrets, verifySecrets } from "./crypto/secrets.js";
import { loadKeyring } from "./crypto/setup.js";
import { openDatabase } from "./db/client.js";
import { databaseTarget, describeTarget } from "./db/target.js";
import { createEgress } from "./egress/egress.js";
import { readEnv } from "./env.js";
import { createEventBus } from "./events/pubsub.js";
import { createLogger } from "./logger.js";
import { loadCatalog, readCatalog } from "./catalog/load.js";

async function main() {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const target = databaseTarget(env.DATABASE_URL, env.DATA_DIR);
  const database = await openDatabase(target, {
    purpose: "the Plugboard server",
    onIdleError: (err) => logger.warn({ err }, "PostgreSQL closed an idle connection; reconnecting on next use"),
  });
  logger.info({ database: describeTarget(target) }, "database ready");
  const { db } = database;
  const secrets = createSecrets(await loadKeyring(env.ENCRYPTION_KEYS, target, env.DATA_DIR));
  await verifySecrets(db, secrets);

  const presets = await loadCatalog(db, await readCatalog(env.CATALOG_PATH));
  logger.info({ presets }, "catalog loaded");

  const first = await bootstrap(db, env.BOOTSTRAP_API_KEY);
  if (first && !first.generated) {
    // the operator chose the key: it is theirs already, and printing it would put it in the logs
    console.log(`Bootstrapped organization "${first.organizationSlug}" with the admin key from BOOTSTRAP_API_KEY (not printed)`);
  } else if (first) {
    console.log(`Admin API key: ${first.apiKey}`);
    if (target.kind === "pglite") {
      const file = join(env.DATA_DIR, "admin-api-key");
      await mkdir(env.DATA_DIR, { recursive: true });
      await writeFile(file, `${first.apiKey}\n`, { mode: 0o600 });
      await chmod(file, 0o600);
      console.log(`(also written to ${file}; it is shown only once)`);
    }
  }

  // the composition root: every service is built here once and passed down
  const egress = createEgress({ allowlist: env.EGRESS_ALLOWLIST, timeoutMs: env.MCP_TIMEOUT });
  const services = await createServices({
    egress,
    db,
    secrets,
    logger,
    pubsub: createEventBus({ redisUrl: env.REDIS_URL, logger }),
    config: defaultConfig({
      publicUrl: env.PUBLIC_URL,
      allowedRedirectOrigins: env.ALLOWED_REDIRECT_ORIGINS,
      oauthClients: env.OAUTH_CLIENTS,
      introspection: env.INTROSPECTION,
      costLimit: { capacity: env.RATE_LIMIT_CAPACITY, restorePerSecond: env.RATE_LIMIT_RESTORE },
      corsOrigins: env.CORS_ORIGINS,
      metricsToken: env.METRICS_TOKEN,
      tracing: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
      oidc: { issuers: env.OIDC_ISSUERS },
      upstream: {
        egressAllowlist: env.EGRESS_ALLOWLIST,
        timeoutMs: env.MCP_TIMEOUT,
        holdNewTools: env.HOLD_NEW_TOOLS,
        healthFailures: env.HEALTH_FAILURES,
        healthIntervalMs: env.HEALTH_INTERVAL,
        syncIntervalMs: env.SYNC_INTERVAL,
        callTimeoutMs: env.MCP_CALL_TIMEOUT,
        maxResponseBytes: env.MCP_MAX_RESPONSE,
      },
      gateway: { maxRequestBytes: env.MCP_MAX_REQUEST, maxConcurrentCalls: env.MCP_MAX_CONCURRENT_CALLS, maxSessionsPerKey: env.MCP_MAX_SESSIONS },
      webhooks: {
        timeoutMs: env.WEBHOOK_TIMEOUT,
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
        backoffBaseMs: env.WEBHOOK_BACKOFF_BASE,
        pollIntervalMs: env.WEBHOOK_POLL_INTERVAL,
      },
    }),
  });
  const app = buildApp(services);
  // handlers before listening: a SIGTERM right after the "serving" line must still drain
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining");
    await app.stop();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  if (env.REDIS_URL) logger.info("subscriptions fan out through Redis");
  const url = await app.start(env.PORT, env.HOST);
  console.log(`Plugboard is serving GraphQL and GraphiQL at ${url}/graphql`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
