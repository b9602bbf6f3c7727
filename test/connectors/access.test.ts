import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { team } from "../helpers/fixtures.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";

/** Every connector mutation, as one call on a connector id. */
type Outcome = { __typename: string; id?: string | null };
const MUTATIONS: Record<string, (api: ReturnType<typeof connectors>, id: string, tool: string) => Promise<Outcome>> = {
  updateConnector: (api, id) => api.update({ id, name: "taken over" }),
  deleteConnector: (api, id) => api.remove(id),
  connectConnector: (api, id) => api.connect({ id, accessToken: "t" }),
  disconnectConnector: (api, id) => api.disconnect(id),
  setToolDisabled: (api, id, tool) => api.setTool(id, tool, true),
  refreshConnectorTools: (api, id) => api.refresh(id),
  checkConnectorHealth: (api, id) => api.health(id),
};

describe("who may change which connector", async () => {
  const server = await startServer();
  const mine = await team();
  const other = await team();
  const as = (key: string): ReturnType<typeof connectors> => connectors(server.as(key) as GraphQLClient);
  /** Three connectors of `mine`: a TEAM one, Alice's PERSONAL one and the organization key's. */
  const connectorsOfMine = async () => ({
    teamConn: await as(mine.alice.key).created({ presetSlug: "github" }),
    alicePersonal: await as(mine.alice.key).created({ presetSlug: "github", scope: "PERSONAL" }),
    keyPersonal: await as(mine.orgKey.key).created({ presetSlug: "github", scope: "PERSONAL" }),
  });
  type Targets = Awaited<ReturnType<typeof connectorsOfMine>>;
  const refusals = ({ teamConn, alicePersonal, keyPersonal }: Targets) =>
    [
      ["an ADMIN of another organization", other.alice.key, teamConn, "NotFoundError"],
      ["a MEMBER, on a TEAM connector", mine.bob.key, teamConn, "ForbiddenError"],
      ["another user, on a PERSONAL connector", mine.bob.key, alicePersonal, "NotFoundError"],
      ["an ADMIN, on another user's PERSONAL connector", mine.orgKey.key, alicePersonal, "NotFoundError"],
      ["a user, on a key's PERSONAL connector", mine.alice.key, keyPersonal, "NotFoundError"],
    ] as const;
  const original = await connectorsOfMine();
  const tool = original.teamConn.tools[0].name;
  const table = Object.keys(MUTATIONS).flatMap((m) => refusals(original).map((c) => [m, ...c] as const));

  it.each(table)("%s by %s answers %s", async (mutation, _who, key, connector, expected) => {
    const result = await MUTATIONS[mutation](as(key), connector.id, tool);
    expect(result.__typename, JSON.stringify(result)).toBe(expected);
  });

  // on connectors of its own, so that it does not depend on the table above having run first
  it("leaves every refused connector exactly as it was", async () => {
    const targets = await connectorsOfMine();
    const outcomes: string[][] = [];
    for (const mutation of Object.keys(MUTATIONS)) {
      for (const [who, key, connector, expected] of refusals(targets)) {
        const result = await MUTATIONS[mutation](as(key), connector.id, tool);
        outcomes.push([mutation, who, result.__typename, expected]);
      }
    }
    const ids = Object.values(targets).map((c) => c.id);
    const rows = await prisma.connector.findMany({ where: { id: { in: ids } }, include: { tools: true } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const before = Object.values(targets).find((c) => c.id === row.id)!;
      expect([row.version, row.state, row.name, row.credentialsEnc]).toEqual([1, "CREATED", before.name, null]);
      expect(row.tools.filter((t) => t.disabled)).toEqual([]);
    }
    expect(await prisma.connectorEvent.findMany({ where: { connectorId: { in: ids } } })).toMatchObject(ids.map(() => ({ kind: "CREATED" })));
    expect(outcomes.filter(([, , got, expected]) => got !== expected)).toEqual([]);
  });

  it.each(Object.keys(MUTATIONS))("%s answers NotFoundError for ids that do not exist or are malformed", async (mutation) => {
    for (const id of [newId("conn"), "not-an-id", original.alicePersonal.tools[0].id]) {
      expect(await MUTATIONS[mutation](as(mine.alice.key), id, tool)).toMatchObject({ __typename: "NotFoundError", requestedId: id });
    }
  });

  it("lets a MEMBER manage their own PERSONAL connector, and a key without a user its own", async () => {
    for (const key of [mine.bob.key, mine.orgKey.key]) {
      const api = as(key);
      const c = await api.created({ presetSlug: "github", scope: "PERSONAL" });
      member(await api.update({ id: c.id, name: "mine" }), "UpdateConnectorSuccess");
      member(await api.setTool(c.id, tool, true), "SetToolDisabledSuccess");
      member(await api.connect({ id: c.id, accessToken: "t" }), "ConnectConnectorSuccess");
      member(await api.disconnect(c.id), "DisconnectConnectorSuccess");
      member(await api.remove(c.id), "DeleteConnectorSuccess");
    }
  });
});
