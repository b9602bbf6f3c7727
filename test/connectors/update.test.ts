import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { pendingAuthorization, team } from "../helpers/fixtures.js";
import { startServer, catalogUrl } from "../helpers/server.js";
import { connectors, member } from "./api.js";

describe("updateConnector, setToolDisabled and deleteConnector", async () => {
  const server = await startServer();
  const admin = async () => {
    const t = await team();
    return { ...t, api: connectors(server.as(t.alice.key)) };
  };

  it("updates each field, bumps version and updatedAt, and writes an UPDATED event", async () => {
    const { alice, api } = await admin();
    const c = await api.created({ presetSlug: "github", metadata: { a: 1 } });
    const configuration = { repository: "octo-org/octo-repo", branch: "main", paths: [] };
    const u = member(
      await api.update({ id: c.id, name: "Renamed", configuration, metadata: { b: 2 }, isActive: false, syncEnabled: false, agentEnabled: false }),
      "UpdateConnectorSuccess",
    ).connector;
    expect(u).toMatchObject({ name: "Renamed", configuration, isConfigured: true, metadata: { b: 2 }, isActive: false, syncEnabled: false, agentEnabled: false });
    expect(u.version).toBe(2);
    expect(Date.parse(u.updatedAt)).toBeGreaterThan(Date.parse(c.updatedAt));
    const events = (await api.history(c.id))!.events.edges.map((e) => e.node);
    expect(events[0]).toMatchObject({ kind: "UPDATED", previousState: "CREATED", state: "CREATED", version: 2, actor: { id: alice.userId } });
  });

  it("clears configuration and metadata with null, and leaves out what is not given", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "zendesk", configuration: { subdomain: "acme" }, metadata: { a: 1 } });
    const u = member(await api.update({ id: c.id, configuration: null, metadata: null }), "UpdateConnectorSuccess").connector;
    expect(u).toMatchObject({ configuration: null, metadata: null, isConfigured: false, name: c.name, isActive: true });
  });

  it("moves the URL of a templated preset with its configuration", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "zendesk" });
    const u = member(await api.update({ id: c.id, configuration: { subdomain: "beta" } }), "UpdateConnectorSuccess").connector;
    expect(u).toMatchObject({ url: catalogUrl("https://beta.zendesk.com/api/mcp"), isConfigured: true });
  });

  it("answers an input that names no field with the connector as it is, without a new version", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "github" });
    expect(member(await api.update({ id: c.id }), "UpdateConnectorSuccess").connector).toMatchObject({ id: c.id, version: 1 });
  });

  it("validates configuration and metadata with paths, and writes nothing when they fail", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "github", name: "Before" });
    const e = member(await api.update({ id: c.id, name: "After", configuration: { repository: "nope" } }), "ValidationError");
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual([
      ["input", "configuration", "branch"], ["input", "configuration", "paths"], ["input", "configuration", "repository"],
    ]);
    const big = member(await api.update({ id: c.id, metadata: { x: "y".repeat(20_000) } }), "ValidationError");
    expect(big.fieldErrors.map((f) => f.path)).toEqual([["input", "metadata"]]);
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ name: "Before", version: 1 });
  });

  it("turns a tool off and on again (TOOLS_CHANGED); turning on also approves a pending review", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "github" });
    const name = c.tools[1].name;
    const off = member(await api.setTool(c.id, name, true), "SetToolDisabledSuccess");
    expect(off.tool).toMatchObject({ id: c.tools[1].id, name, disabled: true });
    expect(off.connector.version).toBe(2);
    expect(off.connector.tools.find((t) => t.name === name)?.disabled).toBe(true);
    await prisma.connectorTool.update({ where: { id: c.tools[1].id }, data: { pendingReview: true } });
    const on = member(await api.setTool(c.id, name, false), "SetToolDisabledSuccess");
    expect(on.tool).toMatchObject({ disabled: false, pendingReview: false });
    const kinds = (await api.history(c.id))!.events.edges.map((e) => [e.node.kind, e.node.version]);
    expect(kinds.slice(0, 2)).toEqual([["TOOLS_CHANGED", 3], ["TOOLS_CHANGED", 2]]);
  });

  it("answers NotFoundError for a tool the connector does not have", async () => {
    const { api } = await admin();
    const c = await api.created({ presetSlug: "github" });
    expect(member(await api.setTool(c.id, "no_such_tool", true), "NotFoundError").message).toContain("no_such_tool");
    expect((await api.history(c.id))!.version).toBe(1);
  });

  it("deletes the connector with its tools, credentials and authorizations, leaving a DELETED event", async () => {
    const { alice, api } = await admin();
    const c = await api.created({ presetSlug: "github" });
    await api.connect({ id: c.id, accessToken: "t" });
    await pendingAuthorization(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } }));
    expect(member(await api.remove(c.id), "DeleteConnectorSuccess").deletedId).toBe(c.id);
    expect(await prisma.connector.findUnique({ where: { id: c.id } })).toBeNull();
    expect(await prisma.connectorTool.count({ where: { connectorId: c.id } })).toBe(0);
    expect(await prisma.oAuthAuthorization.count({ where: { connectorId: c.id } })).toBe(0);
    const events = await prisma.connectorEvent.findMany({ where: { connectorId: c.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.kind, e.version])).toEqual([["CREATED", 1], ["STATE_CHANGED", 2], ["DELETED", 3]]);
    expect(events[2]).toMatchObject({ previousState: "CONNECTED", state: null, actorId: alice.userId });
    expect(member(await api.remove(c.id), "NotFoundError")).toMatchObject({ requestedId: c.id, id: `nf_${c.id}` });
    expect(await api.history(c.id)).toBeNull();
  });
});
