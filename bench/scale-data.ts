/**
 * A large dataset made by the database itself (generate_series, no round trip per row), for
 * bench/scale.ts and test/queries/plans.test.ts. Issue 13's trial at full size: 10,000
 * organizations, 1,000,000 connectors, 10,000,000 tools, 5,000,000 events, 431,000 OAuth
 * authorizations, 200,000 personal configurations, 1.18 M stored secrets. One organization is
 * large (7.4 % of the connectors, 73,742 of a million) and has most of the users.
 *
 * Secrets are of the stored form (`v1.<keyId>.<iv>.<body>`) but open with no key: nothing here
 * falls due (tokens expire in a year, leases are null), so no pass tries to open one.
 */
export interface ScaleSizes {
  organizations: number;
  connectors: number;
  /** the catalog: connectorsWithStatus lists all of it, so it stays a catalog's size */
  presets: number;
  toolsPerConnector: number;
  eventsPerConnector: number;
  toolCallsPerConnector: number;
  authorizations: number;
  personalConfigurations: number;
  usersPerOrganization: number;
  /** the large organization's share of connectors, users and personal configurations */
  bigShare: number;
  bigUsers: number;
  auditEventsPerOrganization: number;
}

export function scaleSizes(fraction: number): ScaleSizes {
  const n = (full: number, least = 1) => Math.max(least, Math.round(full * fraction));
  return {
    organizations: n(10_000, 3),
    connectors: n(1_000_000, 100),
    presets: 100,
    toolsPerConnector: 10,
    eventsPerConnector: 5,
    toolCallsPerConnector: 2,
    authorizations: n(431_000),
    personalConfigurations: n(200_000),
    usersPerOrganization: 5,
    bigShare: 0.073742,
    bigUsers: n(1_000, 10),
    auditEventsPerOrganization: 20,
  };
}

/** The id of organization k (1-based); the first is the large one. */
export const orgId = (k: number) => `org_${String(k).padStart(24, "0")}`;
/** The id of user n (1-based) of organization k. */
export const userId = (k: number, n: number) => `user_${String(k).padStart(12, "0")}${String(n).padStart(12, "0")}`;

/** The statements that load the dataset into a migrated, empty database, in order. */
export function scaleDataSql(s: ScaleSizes, keyId: string): string[] {
  const big = Math.max(1, Math.round(s.connectors * s.bigShare));
  const others = s.organizations - 1;
  // SQL expressions, over a series variable i (1-based), for the organization and a user of it
  const orgOf = (i: string) => `CASE WHEN ${i} <= ${big} THEN 1 ELSE 2 + (${i} % ${others}) END`;
  const pad = (e: string, w: number) => `lpad((${e})::text, ${w}, '0')`;
  const userOf = (k: string, i: string) =>
    `'user_' || ${pad(k, 12)} || ${pad(`1 + (${i} % CASE WHEN ${k} = 1 THEN ${s.bigUsers} ELSE ${s.usersPerOrganization} END)`, 12)}`;
  const conn = (i: string) => `'conn_' || ${pad(i, 24)}`;
  const secret = (seed: string) => `'v1.${keyId}.' || substr(md5(${seed}), 1, 16) || '.' || md5(${seed} || 'b') || md5(${seed} || 'c')`;
  const ago = (i: string, unit: string) => `now() - (${i}) * interval '${unit}'`;
  return [
    `INSERT INTO "Organization" ("id", "slug", "name", "updatedAt")
     SELECT 'org_' || ${pad("k", 24)}, 'org-' || k, 'Organization ' || k, now() FROM generate_series(1, ${s.organizations}) k`,
    `INSERT INTO "User" ("id", "organizationId", "email", "name", "role", "updatedAt")
     SELECT 'user_' || ${pad("k", 12)} || ${pad("n", 12)}, 'org_' || ${pad("k", 24)}, 'u' || n || '@org' || k || '.test', 'User ' || n,
            CASE WHEN n = 1 THEN 'ADMIN' ELSE 'MEMBER' END::"Role", now()
     FROM generate_series(1, ${s.organizations}) k, generate_series(1, CASE WHEN k = 1 THEN ${s.bigUsers} ELSE ${s.usersPerOrganization} END) n`,
    `INSERT INTO "Preset" ("id", "slug", "name", "mcpUrl", "authType", "oauthScopes", "updatedAt")
     SELECT 'pset_' || ${pad("p", 24)}, 'bench-' || p, 'Bench preset ' || ${pad("p", 4)}, 'https://mcp' || p || '.example.test/mcp', 'API_TOKEN', '{}', now()
     FROM generate_series(1, ${s.presets}) p`,
    // a fifth are custom servers; a tenth are PERSONAL; 60 % hold credentials, 5 % an OAuth client secret
    `INSERT INTO "Connector" ("id", "organizationId", "type", "name", "handle", "url", "presetId", "scope", "createdById", "authType", "state",
       "credentialsEnc", "clientSecretEnc", "tokenExpiresAt", "createdAt", "updatedAt")
     SELECT ${conn("i")}, 'org_' || ${pad("k", 24)}, CASE WHEN i % 5 = 0 THEN 'mcp' ELSE 'bench-' || (1 + i % ${s.presets}) END,
            'Connector ' || i, 'h' || i, 'https://mcp.example.test/' || i,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 'pset_' || ${pad(`1 + i % ${s.presets}`, 24)} END,
            CASE WHEN i % 10 = 3 THEN 'PERSONAL' ELSE 'TEAM' END::"ConnectorScope", ${userOf("k", "i")}, 'API_TOKEN',
            (ARRAY['CONNECTED','CONNECTED','CONNECTED','CREATED','AUTH_FAILED','ERROR','DISCONNECTED'])[1 + i % 7]::"ConnectorState",
            CASE WHEN i % 5 < 3 THEN ${secret("i::text")} END, CASE WHEN i % 20 = 1 THEN ${secret("'cs' || i")} END,
            CASE WHEN i % 5 < 3 THEN now() + interval '365 days' END, ${ago("i", "1 second")}, ${ago("i % 100003", "1 second")}
     FROM generate_series(1, ${s.connectors}) i, LATERAL (SELECT ${orgOf("i")} AS k) o`,
    `INSERT INTO "ConnectorTool" ("id", "connectorId", "name", "label", "type", "requiresConfirmation", "position", "updatedAt")
     SELECT 'tool_' || ${pad("i", 20)} || ${pad("t", 4)}, ${conn("i")}, 'tool_' || t, 'Tool ' || t, CASE WHEN t % 3 = 0 THEN 'WRITE' ELSE 'READ' END::"ToolType", t % 3 = 0, t, now()
     FROM generate_series(1, ${s.connectors}) i, generate_series(1, ${s.toolsPerConnector}) t`,
    `INSERT INTO "ConnectorEvent" ("id", "connectorId", "organizationId", "scope", "ownerUserId", "kind", "version", "at")
     SELECT 'evt_' || ${pad("i", 20)} || ${pad("e", 4)}, ${conn("i")}, 'org_' || ${pad("k", 24)},
            CASE WHEN i % 10 = 3 THEN 'PERSONAL' ELSE 'TEAM' END::"ConnectorScope", ${userOf("k", "i")},
            CASE WHEN e = 1 THEN 'CREATED' ELSE 'UPDATED' END::"ConnectorEventKind", e, ${ago("i", "1 second")} + e * interval '1 second'
     FROM generate_series(1, ${s.eventsPerConnector}) e, generate_series(1, ${s.connectors}) i, LATERAL (SELECT ${orgOf("i")} AS k) o`,
    `INSERT INTO "ToolCall" ("id", "organizationId", "connectorId", "scope", "ownerUserId", "toolName", "outcome", "userId", "startedAt", "durationMs")
     SELECT 'call_' || ${pad("i", 20)} || ${pad("c", 4)}, 'org_' || ${pad("k", 24)}, ${conn("i")},
            CASE WHEN i % 10 = 3 THEN 'PERSONAL' ELSE 'TEAM' END::"ConnectorScope", ${userOf("k", "i")}, 'tool_1',
            CASE WHEN c % 10 = 0 THEN 'ERROR' ELSE 'OK' END::"ToolCallOutcome", ${userOf("k", "i")}, ${ago("i", "1 second")}, 10 + i % 90
     FROM generate_series(1, ${s.toolCallsPerConnector}) c, generate_series(1, ${s.connectors}) i, LATERAL (SELECT ${orgOf("i")} AS k) o`,
    // consents as the passes leave them: most used, 5 % expired unused on a connector connected since
    // (a second consent begun before the first completed: the callback leaves it), 1 % still pending, whose
    // connectors are AUTH_REQUIRED
    `INSERT INTO "OAuthAuthorization" ("id", "connectorId", "stateHash", "codeVerifierEnc", "authorizationUrl", "server", "expiresAt", "usedAt", "createdAt")
     SELECT 'oauth_' || ${pad("a", 24)}, ${conn(`1 + (a * 7) % ${s.connectors}`)}, md5('state' || a), ${secret("'cv' || a")},
            'https://auth.example.test/authorize', '{}',
            CASE WHEN a % 100 = 0 THEN now() + interval '10 minutes' ELSE ${ago("a", "1 second")} END,
            CASE WHEN a % 20 <> 19 AND a % 100 <> 0 THEN ${ago("a", "1 second")} END, ${ago("a", "1 second")} - interval '10 minutes'
     FROM generate_series(1, ${s.authorizations}) a`,
    `UPDATE "Connector" SET "state" = 'AUTH_REQUIRED', "credentialsEnc" = NULL, "tokenExpiresAt" = NULL
     WHERE "id" IN (SELECT "connectorId" FROM "OAuthAuthorization" WHERE "usedAt" IS NULL AND "expiresAt" > now())`,
    `INSERT INTO "PersonalConfiguration" ("id", "organizationId", "userId", "presetId", "name", "configuration", "credentialsEnc", "createdAt", "updatedAt")
     SELECT 'pconf_' || ${pad("j", 24)}, 'org_' || ${pad("k", 24)}, ${userOf("k", "j")}, 'pset_' || ${pad(`1 + j % ${s.presets}`, 24)},
            'Configuration ' || j, '{}', CASE WHEN j % 2 = 0 THEN ${secret("'pc' || j")} END, ${ago("j", "1 second")}, now()
     FROM generate_series(1, ${s.personalConfigurations}) j,
          LATERAL (SELECT CASE WHEN j <= ${Math.round(s.personalConfigurations * s.bigShare)} THEN 1 ELSE 2 + (j % ${others}) END AS k) o`,
    `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "targetType", "targetId", "createdAt")
     SELECT 'audit_' || ${pad("k", 20)} || ${pad("e", 4)}, 'org_' || ${pad("k", 24)}, 'USER_CREATED', 'USER', 'user_' || ${pad("k", 12)} || '000000000001', ${ago("e", "1 minute")}
     FROM generate_series(1, ${s.organizations}) k, generate_series(1, CASE WHEN k = 1 THEN ${s.auditEventsPerOrganization * 50} ELSE ${s.auditEventsPerOrganization} END) e`,
    "ANALYZE",
  ];
}

/** Rows the statements above write, for the bench's summary line. */
export function scaleRows(s: ScaleSizes): number {
  const others = s.organizations - 1;
  return (
    s.organizations +
    s.bigUsers + others * s.usersPerOrganization +
    s.presets +
    s.connectors * (1 + s.toolsPerConnector + s.eventsPerConnector + s.toolCallsPerConnector) +
    s.authorizations +
    s.personalConfigurations +
    s.auditEventsPerOrganization * (50 + others)
  );
}
