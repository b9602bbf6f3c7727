import { lookAtConnector } from "../connectors/upstream.js";
import type { ConnectorState } from "../generated/prisma/enums.js";
import { lookAtPersonalConfiguration } from "../personal-configurations/health.js";
import type { Services } from "../services.js";
import { freeAt, type LeasedTask, leaseFor, runLeased, type TaskOutcome } from "./leased.js";
import { type Periodic, periodic } from "./periodic.js";

export interface CheckOptions {
  /** how often each connector or configuration is looked at; its lease lasts about this long */
  intervalMs: number;
  /** rows per pass; the least recently claimed first, so that a backlog rotates */
  batchSize?: number;
  /** checks at once: a server that hangs holds one slot until MCP_TIMEOUT, not the pass */
  concurrency?: number;
}

export interface CheckSummary {
  /** looked at by this instance */
  checked: number;
  /** claimed by another instance first */
  skipped: number;
  crashed: number;
}

const LIVE: ConnectorState[] = ["CONNECTED", "ERROR"];

function summarize(outcomes: TaskOutcome<unknown>[]): CheckSummary {
  const count = (kind: TaskOutcome<unknown>["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  return { checked: count("done"), skipped: count("lost"), crashed: count("crashed") };
}

/** Alternates the lists, so that neither kind waits behind the other's whole batch. */
function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...(i < a.length ? [a[i]] : []), ...(i < b.length ? [b[i]] : []));
  return out;
}

// The claims write updatedAt back as read, and only where the version is still the one read: a
// lease is bookkeeping (no version, no event), and must not undo a change made since the read.

/**
 * One health pass: every CONNECTED or ERROR connector (lookAtConnector decides what a check
 * records) and every enabled personal configuration whose lease is free is claimed for the interval
 * and checked, so that with several instances on one database each is checked once per interval.
 */
export async function checkDueHealth(services: Services, o: CheckOptions): Promise<CheckSummary> {
  const { db } = services;
  const now = new Date();
  const until = leaseFor(o.intervalMs, now);
  const free = freeAt("healthLeaseUntil", now);
  const page = { orderBy: { healthLeaseUntil: { sort: "asc", nulls: "first" } }, take: o.batchSize ?? 100, select: { id: true, version: true, updatedAt: true } } as const;
  const [connectors, configurations] = await Promise.all([
    db.connector.findMany({ where: { state: { in: LIVE }, ...free }, ...page }),
    db.personalConfiguration.findMany({ where: { enabled: true, ...free }, ...page }),
  ]);
  const connectorTasks: LeasedTask<unknown>[] = connectors.map((c) => ({
    log: { connectorId: c.id },
    claim: () =>
      db.connector
        .updateMany({ where: { id: c.id, version: c.version, state: { in: LIVE }, ...free }, data: { healthLeaseUntil: until, updatedAt: c.updatedAt } })
        .then((r) => r.count === 1),
    run: () => lookAtConnector(services, c.id, false),
  }));
  const configurationTasks: LeasedTask<unknown>[] = configurations.map((p) => ({
    log: { personalConfigurationId: p.id },
    claim: () =>
      db.personalConfiguration
        .updateMany({ where: { id: p.id, version: p.version, enabled: true, ...free }, data: { healthLeaseUntil: until, updatedAt: p.updatedAt } })
        .then((r) => r.count === 1),
    run: () => lookAtPersonalConfiguration(services, p.id),
  }));
  const tasks = interleave(connectorTasks, configurationTasks);
  return summarize(await runLeased(tasks, { concurrency: o.concurrency ?? 8, logger: services.logger, what: "health check" }));
}

/** One sync pass: every CONNECTED connector with syncEnabled has its tools discovered again, leased like the health checks. */
export async function syncDueTools(services: Services, o: CheckOptions): Promise<CheckSummary> {
  const { db } = services;
  const now = new Date();
  const until = leaseFor(o.intervalMs, now);
  const free = freeAt("syncLeaseUntil", now);
  const due = await db.connector.findMany({
    where: { state: "CONNECTED", syncEnabled: true, ...free },
    orderBy: { syncLeaseUntil: { sort: "asc", nulls: "first" } },
    take: o.batchSize ?? 100,
    select: { id: true, version: true, updatedAt: true },
  });
  const tasks = due.map((c) => ({
    log: { connectorId: c.id },
    claim: () =>
      db.connector
        .updateMany({ where: { id: c.id, version: c.version, state: "CONNECTED", syncEnabled: true, ...free }, data: { syncLeaseUntil: until, updatedAt: c.updatedAt } })
        .then((r) => r.count === 1),
    run: () => lookAtConnector(services, c.id, true),
  }));
  return summarize(await runLeased(tasks, { concurrency: o.concurrency ?? 8, logger: services.logger, what: "tool sync" }));
}

const NOTHING: CheckSummary = { checked: 0, skipped: 0, crashed: 0 };

/** HEALTH_INTERVAL's checker: checkDueHealth on a timer. */
export const createHealthChecker = (services: Services, o: CheckOptions): Periodic<CheckSummary> =>
  periodic(() => checkDueHealth(services, o), { what: "health check", intervalMs: o.intervalMs, logger: services.logger, failed: NOTHING });

/** SYNC_INTERVAL's discovery: syncDueTools on a timer. */
export const createToolSync = (services: Services, o: CheckOptions): Periodic<CheckSummary> =>
  periodic(() => syncDueTools(services, o), { what: "tool sync", intervalMs: o.intervalMs, logger: services.logger, failed: NOTHING });
