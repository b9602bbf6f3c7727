import { createHash } from "node:crypto";
import type { Connector, PersonalConfiguration } from "../generated/prisma/client.js";
import { refreshPersonalTokenNow } from "../oauth/personal-refresh.js";
import { refreshConnectorToken } from "../oauth/refresh.js";
import type { CallOptions, CallOutcome, McpUpstream, ServerResult, Services, UpstreamFailure, UpstreamOutcome, UpstreamSubject } from "../services.js";
import { hasPlaceholders } from "../validation/mcp-url.js";
import { type ForwardedMethod, type McpSession, openSession, type SessionOptions } from "./client.js";
import { CredentialsHeaderError, credentialHeaders, type StoredCredentials, type StoredSecret } from "./credentials-headers.js";
import { CallEndError, type McpFailure, McpFailureError } from "./failures.js";
import { type PresetAuth, readPresetAuth } from "./preset-auth.js";
import { SessionPool } from "./session-pool.js";

/**
 * A 401 whose refresh could not be done now (the provider did not answer, or another instance holds
 * the refresh): a failure that counts toward health, not a verdict on the credentials.
 */
const RETRY_LATER: UpstreamFailure = { kind: "unreachable", message: "the access token was refused and the provider could not refresh it now; trying again later" };

/** How long a preset's auth header template is reused before it is read again. */
const PRESET_AUTH_TTL_MS = 60_000;

/** A token expiring within this is refreshed before it is presented. */
const REFRESH_AHEAD_MS = 60_000;
const expiresSoon = (at: Date | null) => at !== null && at.getTime() - Date.now() < REFRESH_AHEAD_MS;

export interface UpstreamOptions {
  /** a server told an open session its tools changed (notifications/tools/list_changed) */
  onToolsChanged?: (connectorId: string) => unknown;
  pool?: { max?: number; idleMs?: number };
}

/** Where to send a request and what to present; `refresh` gets a newer OAuth token (after a 401). */
interface Target {
  url: string;
  headers: Record<string, string>;
  /** kept open in the pool under this key: the stored credentials of a connector */
  pooled?: { key: string; owner: string };
  refresh?: () => Promise<Target | UpstreamFailure>;
}

const failed = (failure: UpstreamFailure): { ok: false; failure: UpstreamFailure } => ({ ok: false, failure });
const isFailure = <T extends object>(t: T | UpstreamFailure): t is UpstreamFailure => "kind" in t;

function fromMcp(f: McpFailure): UpstreamFailure {
  if (f.kind === "unauthorized") {
    return { kind: "unauthorized", status: f.status, message: f.message, ...(f.resourceMetadataUrl ? { resourceMetadataUrl: f.resourceMetadataUrl } : {}) };
  }
  return { kind: f.kind, message: f.message };
}

/**
 * The MCP client behind the domain's port: presents a connector's (or personal configuration's)
 * credentials as its server expects, refreshing an OAuth token that is about to expire and once more
 * after a 401, through the egress policy, with MCP_TIMEOUT on each step. Sessions of stored
 * credentials are kept open (bounded, idle ones closed) and watched for list_changed.
 */
export function createMcpUpstream(services: Services, options: UpstreamOptions = {}): McpUpstream {
  const { db, secrets, egress, logger } = services;
  const { timeoutMs, callTimeoutMs, maxResponseBytes } = services.config.upstream;
  const pool = new SessionPool({ max: options.pool?.max ?? 200, idleMs: options.pool?.idleMs ?? 5 * 60_000 });

  // a burst of list_changed notices is one discovery, and one more if any came during it
  const syncing = new Map<string, boolean>();
  const noticed = (connectorId: string) => {
    if (!options.onToolsChanged) return;
    if (syncing.has(connectorId)) return void syncing.set(connectorId, true);
    syncing.set(connectorId, false);
    void (async () => {
      do {
        syncing.set(connectorId, false);
        await Promise.resolve(options.onToolsChanged!(connectorId)).catch((err) => logger.error({ err, connectorId }, "tool sync after list_changed failed"));
      } while (syncing.get(connectorId));
      syncing.delete(connectorId);
    })();
  };

  // a preset's header template changes only when the catalog is loaded: not read on every request
  const authOfPreset = new Map<string, { auth: PresetAuth | null; readAt: number }>();
  const presetAuth = async (presetId: string | null): Promise<PresetAuth | null> => {
    if (!presetId) return null;
    const known = authOfPreset.get(presetId);
    if (known && Date.now() - known.readAt < PRESET_AUTH_TTL_MS) return known.auth;
    const auth = readPresetAuth((await db.preset.findUnique({ where: { id: presetId }, select: { auth: true } }))?.auth);
    authOfPreset.set(presetId, { auth, readAt: Date.now() });
    return auth;
  };

  // what a connector's stored credentials present, and their fingerprint: an agent calling in a loop
  // would otherwise open the sealed credentials and hash them on every call
  const presentedCache = new Map<string, { headers: Record<string, string>; fingerprint: string; at: number }>();
  async function presentedFor(c: Connector): Promise<{ headers: Record<string, string>; fingerprint: string } | UpstreamFailure> {
    const key = `${c.id}\n${c.url}\n${c.presetId ?? ""}\n${c.credentialType ?? ""}\n${c.credentialsEnc ?? ""}`;
    const known = presentedCache.get(key);
    if (known && Date.now() - known.at < PRESET_AUTH_TTL_MS) return known;
    const presented = headersFor(stored("Connector.credentialsEnc", c), await presetAuth(c.presetId));
    if (isFailure(presented)) return presented;
    const entry = { headers: presented.headers, fingerprint: createHash("sha256").update(`${c.url}\n${c.credentialsEnc ?? ""}`).digest("base64url"), at: Date.now() };
    presentedCache.set(key, entry);
    if (presentedCache.size > 1_000) presentedCache.delete(presentedCache.keys().next().value!);
    return entry;
  }

  // wrapped, so that a header map is never mistaken for a failure
  function headersFor(credentials: StoredCredentials | null, auth: PresetAuth | null): { headers: Record<string, string> } | UpstreamFailure {
    try {
      return { headers: credentialHeaders(credentials, auth) };
    } catch (e) {
      if (e instanceof CredentialsHeaderError) return { kind: "unusable", message: `The stored credentials cannot be sent: ${e.message}` };
      throw e;
    }
  }

  function stored(column: "Connector.credentialsEnc" | "PersonalConfiguration.credentialsEnc", row: Connector | PersonalConfiguration): StoredCredentials | null {
    if (!row.credentialsEnc || !row.credentialType) return null;
    return { type: row.credentialType, secret: secrets.openJson<StoredSecret>(column, row.id, row.credentialsEnc) };
  }

  async function connectorTarget(c: Connector, allowRefresh = true): Promise<Target | UpstreamFailure> {
    const oauth = c.credentialType === "OAUTH2";
    if (oauth && allowRefresh && expiresSoon(c.tokenExpiresAt)) {
      const refreshed = await refresh(c);
      if (refreshed !== "kept") return refreshed;
    }
    const presented = await presentedFor(c);
    if (isFailure(presented)) return presented;
    const { headers, fingerprint } = presented;
    return {
      url: c.url,
      headers,
      pooled: { key: `${c.id}:${fingerprint}`, owner: c.id },
      ...(oauth && allowRefresh ? { refresh: async () => { const r = await refresh(c); return r === "kept" ? RETRY_LATER : r; } } : {}),
    };
  }

  /** A newer token's target, a failure, or "kept" when the refresh failed for now (use what we have). */
  async function refresh(c: Connector): Promise<Target | UpstreamFailure | "kept"> {
    // the row may be a moment old (the gateway's snapshots): a token another path refreshed since
    // is used as it is, and its refresh token, perhaps already rotated away, is not spent again
    const current = await db.connector.findUnique({ where: { id: c.id } });
    if (!current) return { kind: "unusable", message: "The connector was deleted" };
    if (current.credentialsEnc !== c.credentialsEnc) return connectorTarget(current, false);
    const result = await refreshConnectorToken(services, c);
    switch (result.kind) {
      case "refreshed":
        return connectorTarget(result.connector, false);
      case "refused":
        return { kind: "token-expired", message: result.reason };
      case "failed":
        logger.warn({ connectorId: c.id, error: result.code }, "token refresh before an MCP request failed; using the current token");
        return "kept";
      case "superseded": {
        const now = await db.connector.findUnique({ where: { id: c.id } });
        return now ? connectorTarget(now, false) : { kind: "unusable", message: "The connector was deleted" };
      }
    }
  }

  /** As connectorTarget, for a personal configuration's stored credentials at `url` (not pooled). */
  async function personalTarget(pc: PersonalConfiguration, url: string, allowRefresh = true): Promise<Target | UpstreamFailure> {
    const oauth = pc.credentialType === "OAUTH2";
    if (oauth && allowRefresh && expiresSoon(pc.credentialsExpireAt)) {
      const refreshed = await refreshPersonal(pc, url, true);
      if (refreshed !== "kept") return refreshed;
    }
    const presented = headersFor(stored("PersonalConfiguration.credentialsEnc", pc), await presetAuth(pc.presetId));
    if (isFailure(presented)) return presented;
    return {
      url,
      headers: presented.headers,
      ...(oauth && allowRefresh ? { refresh: async () => { const r = await refreshPersonal(pc, url, false); return r === "kept" ? RETRY_LATER : r; } } : {}),
    };
  }

  /**
   * As refresh, for a personal configuration. Ahead of expiry, a token the provider will not refresh
   * is still presented while it lasts; "kept" too while another instance holds the refresh lease.
   */
  async function refreshPersonal(pc: PersonalConfiguration, url: string, ahead: boolean): Promise<Target | UpstreamFailure | "kept"> {
    const result = await refreshPersonalTokenNow(services, pc);
    switch (result.kind) {
      case "refreshed":
        return personalTarget(result.configuration, url, false);
      case "refused":
        return ahead && pc.credentialsExpireAt && pc.credentialsExpireAt > new Date() ? "kept" : { kind: "token-expired", message: result.reason };
      case "failed":
        logger.warn({ personalConfigurationId: pc.id, error: result.code }, "token refresh before an MCP request failed; using the current token");
        return "kept";
      case "busy":
        return "kept";
      case "superseded": {
        const now = await db.personalConfiguration.findUnique({ where: { id: pc.id } });
        return now ? personalTarget(now, url, false) : { kind: "unusable", message: "The personal configuration was deleted" };
      }
    }
  }

  async function targetOf(subject: UpstreamSubject): Promise<Target | UpstreamFailure> {
    const url = "personalConfiguration" in subject ? subject.url : subject.connector.url;
    if (!url || hasPlaceholders(url)) return { kind: "unusable", message: "The server URL is incomplete: set the configuration its {placeholders} come from" };
    if ("personalConfiguration" in subject) return personalTarget(subject.personalConfiguration, url);
    if (subject.trying !== undefined) {
      const c = subject.connector;
      const trying = subject.trying ? { type: subject.trying.type, secret: subject.trying.secret } : null;
      const presented = headersFor(trying, await presetAuth(c.presetId));
      return isFailure(presented) ? presented : { url, headers: presented.headers };
    }
    return connectorTarget(subject.connector);
  }

  const sessionOptions = (t: Target): SessionOptions => ({ url: t.url, headers: t.headers, fetch: egress.fetch, timeoutMs });

  /**
   * `retry`: whether a failure on a session kept open may be tried once more on a fresh one. A
   * check or a listing always may; a forwarded call only when the server cannot have run it.
   */
  async function attempt<T>(t: Target, use: (s: McpSession) => Promise<T>, retry: (f: McpFailure) => boolean): Promise<UpstreamOutcome<T>> {
    const watch = (s: McpSession) => s.onToolsChanged(() => noticed(t.pooled!.owner));
    for (let round = 0; ; round++) {
      let session: McpSession | undefined;
      let reused = false;
      try {
        if (t.pooled) ({ session, reused } = await pool.acquire(t.pooled.key, t.pooled.owner, () => openSession(sessionOptions(t)), watch));
        else session = await openSession(sessionOptions(t));
        return { ok: true, value: await use(session) };
      } catch (e) {
        if (!(e instanceof McpFailureError)) throw e;
        if (t.pooled) pool.drop(t.pooled.key);
        // a kept session may have ended on the server's side (restart, expiry): one fresh try
        if (reused && round === 0 && retry(e.failure)) continue;
        logger.debug({ url: new URL(t.url).host, kind: e.failure.kind, debug: e.failure.debug }, "MCP request failed");
        return failed(fromMcp(e.failure));
      } finally {
        if (!t.pooled) await session?.close();
      }
    }
  }

  async function run<T>(subject: UpstreamSubject, use: (s: McpSession) => Promise<T>, retry: (f: McpFailure) => boolean = () => true): Promise<UpstreamOutcome<T>> {
    const target = await targetOf(subject);
    if (isFailure(target)) return failed(target);
    const outcome = await attempt(target, use, retry);
    // a refused credential: the server ran nothing, so even a call is tried again with a new token
    if (outcome.ok || outcome.failure.kind !== "unauthorized" || !target.refresh) return outcome;
    const refreshed = await target.refresh();
    return isFailure(refreshed) ? failed(refreshed) : attempt(refreshed, use, retry);
  }

  // HTTP 404 on a kept session: the server forgot it (restart, expiry) before reading the request
  const unheard = (f: McpFailure) => f.kind === "protocol" && f.status === 404;

  async function forward(subject: { connector: Connector }, method: ForwardedMethod, params: Record<string, unknown> | undefined, o: CallOptions): Promise<CallOutcome<ServerResult>> {
    const options = { timeoutMs: o.timeoutMs ?? callTimeoutMs, maxResponseBytes, signal: o.signal, onProgress: o.onProgress, onLog: o.onLog };
    const outcome = await run(
      subject,
      async (s): Promise<CallOutcome<ServerResult>> => {
        try {
          return { ok: true, value: await s.forward(method, params, options) };
        } catch (e) {
          if (e instanceof CallEndError) return { ok: false, failure: e.end };
          throw e;
        }
      },
      unheard,
    );
    return outcome.ok ? outcome.value : outcome;
  }

  return {
    listTools: (subject) => run(subject, (s) => s.listTools()),
    check: (subject) => run(subject, async (s) => void (await s.ping())),
    callTool: (subject, name, args, o = {}) => forward(subject, "tools/call", { name, ...(args ? { arguments: args } : {}) }, o),
    passThrough: (subject, method, params, o = {}) => forward(subject, method, params, o),
    forget: (connectorId) => pool.closeOwner(connectorId),
    close: () => pool.closeAll(),
  };
}
