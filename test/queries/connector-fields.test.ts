import { describe, expect, it } from "vitest";
import { derivedId } from "../../src/db/ids.js";
import { graphql } from "../gql/index.js";
import type { ConnectorState } from "../gql/graphql.js";
import { connector, connectorEvent, minutesAgo, pendingAuthorization, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ConnectorDetails = graphql(`
  query ConnectorDetails($id: ID!, $includeDisabled: Boolean, $eventsFirst: Int) {
    connector(id: $id) {
      state
      isAuthenticated
      preset { slug }
      createdBy { email }
      organization { id }
      authRequest { authorizationUrl expiresAt }
      allTools: tools { name disabled }
      tools(includeDisabled: $includeDisabled) { name disabled }
      events(first: $eventsFirst) {
        totalCount
        edges { node { id kind version actor { id } connector { id } } }
        pageInfo { hasNextPage }
      }
    }
  }
`);
const CatalogStatus = graphql(`
  query ConnectorFieldsCatalogStatus {
    connectorsWithStatus { slug server { id status config connector { id name } } installations { id } }
  }
`);

describe("connector fields", async () => {
  const server = await startServer();
  const details = async (key: string, variables: { id: string; includeDisabled?: boolean; eventsFirst?: number }) =>
    ok(await server.as(key).run(ConnectorDetails, variables)).connector!;

  it("hides disabled tools only when includeDisabled is false, keeping the preset's order", async () => {
    const t = await team();
    const c = await connector(t.organizationId, {
      tools: [{ name: "read_a" }, { name: "write_b", type: "WRITE" }, { name: "read_c" }],
      disabledTools: ["write_b"],
    });
    const got = await details(t.alice.key, { id: c.id, includeDisabled: false });
    expect(got.allTools).toEqual([
      { name: "read_a", disabled: false },
      { name: "write_b", disabled: true },
      { name: "read_c", disabled: false },
    ]);
    expect(got.tools).toEqual([
      { name: "read_a", disabled: false },
      { name: "read_c", disabled: false },
    ]);
  });

  it("lists events newest first, with their total", async () => {
    const t = await team();
    const c = await connector(t.organizationId, { createdById: t.alice.userId });
    const events = [];
    for (const version of [1, 2, 3]) events.push(await connectorEvent(c, { version, actorId: t.alice.userId }));
    const got = await details(t.alice.key, { id: c.id, eventsFirst: 2 });
    expect(got.events.totalCount).toBe(3);
    expect(got.events.pageInfo.hasNextPage).toBe(true);
    expect(got.events.edges.map((e) => e.node)).toEqual(
      [events[2], events[1]].map((e) => ({
        id: e.id, kind: "UPDATED", version: e.version, actor: { id: t.alice.userId }, connector: { id: c.id },
      })),
    );
  });

  it("links the preset, the creator and the organization", async () => {
    const t = await team();
    const made = await connector(t.organizationId, { presetSlug: "slack", createdById: t.bob.userId });
    const custom = await connector(t.organizationId, { presetSlug: null });
    const got = await details(t.alice.key, { id: made.id });
    expect(got).toMatchObject({
      preset: { slug: "slack" },
      createdBy: { email: `${t.bob.userId}@example.test` },
      organization: { id: t.organizationId },
    });
    expect(await details(t.alice.key, { id: custom.id })).toMatchObject({ preset: null, createdBy: null });
  });

  it.each<[ConnectorState, boolean]>([
    ["AUTH_REQUIRED", true],
    ["CREATED", false],
    ["CONNECTED", false],
  ])("shows a pending authorization in state %s: %s", async (state, shown) => {
    const t = await team();
    const c = await connector(t.organizationId, { state });
    const flow = await pendingAuthorization(c);
    const got = await details(t.alice.key, { id: c.id });
    expect(got.authRequest).toEqual(
      shown ? { authorizationUrl: flow.authorizationUrl, expiresAt: flow.expiresAt.toISOString() } : null,
    );
    expect(got.isAuthenticated).toBe(state === "CONNECTED");
  });

  it.each<[ConnectorState, string]>([
    ["CONNECTED", "CONNECTED"],
    ["AUTH_FAILED", "ERROR"],
    ["TOKEN_EXPIRED", "ERROR"],
    ["ERROR", "ERROR"],
    ["CREATED", "DISCONNECTED"],
    ["AUTH_REQUIRED", "DISCONNECTED"],
    ["DISCONNECTED", "DISCONNECTED"],
  ])("reports an install in state %s as %s in connectorsWithStatus", async (state, status) => {
    const t = await team();
    const c = await connector(t.organizationId, { presetSlug: "jira", state, configuration: { site: "acme" } });
    const jira = ok(await server.as(t.bob.key).run(CatalogStatus)).connectorsWithStatus.find((p) => p.slug === "jira");
    expect(jira?.server).toEqual({ id: derivedId("csrv", c.id), status, config: { site: "acme" }, connector: { id: c.id, name: c.name } });
  });

  it("picks the most recently updated install as the server and lists every install", async () => {
    const t = await team();
    const older = await connector(t.organizationId, { presetSlug: "linear", createdAt: minutesAgo(50), updatedAt: minutesAgo(2) });
    const newer = await connector(t.organizationId, { presetSlug: "linear", createdAt: minutesAgo(40), updatedAt: minutesAgo(30) });
    const catalog = ok(await server.as(t.bob.key).run(CatalogStatus)).connectorsWithStatus;
    const linear = catalog.find((p) => p.slug === "linear");
    expect(linear?.server?.id).toBe(derivedId("csrv", older.id));
    expect(linear?.installations).toEqual([{ id: older.id }, { id: newer.id }]);
    expect(catalog.filter((p) => p.slug !== "linear").every((p) => p.server === null && p.installations.length === 0)).toBe(true);
  });
});
