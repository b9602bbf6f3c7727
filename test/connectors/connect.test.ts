import { afterAll, describe, expect, it } from "vitest";
import { openJson } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { pendingAuthorization, team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";
import { startMcp } from "../servers/mcp-servers.js";

const stored = async (id: string) => {
  const row = await prisma.connector.findUniqueOrThrow({ where: { id } });
  return { row, secret: row.credentialsEnc ? openJson<Record<string, string>>("Connector.credentialsEnc", id, row.credentialsEnc) : null };
};

describe("connectConnector and disconnectConnector", async () => {
  const server = await startServer();
  // a custom MCP server that lets anyone in: connecting without credentials asks it first
  const open = await startMcp();
  afterAll(() => open.stop());
  const admin = async () => connectors(server.as((await team()).alice.key));

  it.each([
    ["github", { accessToken: "gho_token" }, "OAUTH2", { accessToken: "gho_token" }],
    ["stripe", { accessToken: "rk_test_token" }, "BEARER", { accessToken: "rk_test_token" }],
    ["freshdesk", { apiKey: "fd-key" }, "API_KEY", { apiKey: "fd-key" }],
  ] as const)("connects a %s connector with its credentials, sealed", async (presetSlug, credentials, type, secret) => {
    const api = await admin();
    const c = await api.created({ presetSlug, ...(presetSlug === "freshdesk" ? { configuration: { domain: "acme" } } : {}) });
    const connected = member(await api.connect({ id: c.id, ...credentials }), "ConnectConnectorSuccess").connector;
    expect(connected).toMatchObject({ id: c.id, state: "CONNECTED", isAuthenticated: true, version: 2, statusReason: null });
    const { row, secret: opened } = await stored(c.id);
    expect(row.credentialType).toBe(type);
    expect(opened).toEqual(secret);
  });

  it("connects a custom MCP server with any one kind of credentials, or none, and follows it in authType (a token or key is a bearer token)", async () => {
    const api = await admin();
    const cases = [
      [{ username: "ann", password: "pw" }, "USERNAME_PASSWORD", "BASIC"],
      [{ accessToken: "tok" }, "BEARER", "BEARER"],
      [{ apiKey: "key" }, "BEARER", "API_KEY"],
      [{}, "NONE", null],
    ] as const;
    for (const [credentials, authType, credentialType] of cases) {
      const c = await api.created({ url: open.url });
      const connected = member(await api.connect({ id: c.id, ...credentials }), "ConnectConnectorSuccess").connector;
      expect(connected).toMatchObject({ state: "CONNECTED", authType });
      expect((await stored(c.id)).row.credentialType).toBe(credentialType);
    }
    expect(open.seen.filter((r) => r.rpc === "initialize").map((r) => r.authorization)).toEqual([
      `Basic ${Buffer.from("ann:pw").toString("base64")}`, "Bearer tok", "Bearer key", undefined,
    ]);
  });

  it("connects a preset that needs no credentials without any, and refuses credentials it cannot use", async () => {
    const api = await admin();
    const c = await api.created({ presetSlug: "shopify", configuration: { shop: "acme" } });
    const refused = member(await api.connect({ id: c.id, accessToken: "x" }), "ValidationError");
    expect(refused.fieldErrors.map((e) => e.path)).toEqual([["input", "accessToken"]]);
    expect(member(await api.connect({ id: c.id }), "ConnectConnectorSuccess").connector.state).toBe("CONNECTED");
  });

  it("answers ValidationError with the field's path for credentials that do not fit, and changes nothing", async () => {
    const api = await admin();
    const stripe = await api.created({ presetSlug: "stripe" });
    const freshdesk = await api.created({ presetSlug: "freshdesk" });
    const custom = await api.created({ url: "https://mcp.custom.example.test/mcp" });
    const cases = [
      [stripe.id, {}, [["input", "accessToken"]]],
      [stripe.id, { apiKey: "k" }, [["input", "apiKey"]]],
      [stripe.id, { accessToken: "" }, [["input", "accessToken"]]],
      [freshdesk.id, { accessToken: "t" }, [["input", "accessToken"]]],
      [custom.id, { username: "ann" }, [["input", "password"]]],
      [custom.id, { password: "pw" }, [["input", "username"]]],
      [custom.id, { accessToken: "t", apiKey: "k" }, [["input", "accessToken"], ["input", "apiKey"]]],
    ] as const;
    for (const [id, credentials, paths] of cases) {
      const e = member(await api.connect({ id, ...credentials }), "ValidationError");
      expect(e.fieldErrors.map((f) => f.path)).toEqual(paths);
    }
    for (const c of [stripe, freshdesk, custom]) expect((await stored(c.id)).row).toMatchObject({ state: "CREATED", version: 1, credentialsEnc: null });
  });

  it("refuses to connect a CONNECTED connector with InvalidStateError naming the state", async () => {
    const api = await admin();
    const c = await api.created({ presetSlug: "github" });
    await api.connect({ id: c.id, accessToken: "t1" });
    for (const input of [{ id: c.id, accessToken: "t2" }, { id: c.id }]) {
      const e = member(await api.connect(input), "InvalidStateError");
      expect(e.state).toBe("CONNECTED");
      expect(e.message).toContain("CONNECTED");
    }
    expect((await stored(c.id)).row.version).toBe(2);
    expect((await stored(c.id)).secret).toEqual({ accessToken: "t1" });
  });

  it("disconnects with a reason: credentials and pending authorizations wiped, one event", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    await api.connect({ id: c.id, accessToken: "t" });
    await pendingAuthorization(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } }));
    const d = member(await api.disconnect(c.id, "rotating tokens"), "DisconnectConnectorSuccess").connector;
    expect(d).toMatchObject({ state: "DISCONNECTED", disconnectReason: "rotating tokens", isAuthenticated: false, version: 3 });
    expect((await stored(c.id)).row).toMatchObject({ credentialsEnc: null, credentialType: null, tokenExpiresAt: null });
    expect(await prisma.oAuthAuthorization.count({ where: { connectorId: c.id } })).toBe(0);
    const events = (await api.history(c.id))!.events.edges.map((e) => e.node);
    expect(events[0]).toMatchObject({ kind: "STATE_CHANGED", previousState: "CONNECTED", state: "DISCONNECTED", version: 3, actor: { id: alice.userId } });
    const again = member(await api.disconnect(c.id), "InvalidStateError");
    expect(again.state).toBe("DISCONNECTED");
  });

  it("reconnects the same connector: id, configuration, metadata, tool flags and history stay", async () => {
    const api = await admin();
    const configuration = { repository: "octo-org/octo-repo", branch: "main", paths: ["docs/"] };
    const c = await api.created({ presetSlug: "github", configuration, metadata: { env: "prod" } });
    await api.connect({ id: c.id, accessToken: "t1" });
    const tool = c.tools[0].name;
    member(await api.setTool(c.id, tool, true), "SetToolDisabledSuccess");
    member(await api.disconnect(c.id, "pause"), "DisconnectConnectorSuccess");
    const back = member(await api.connect({ id: c.id, accessToken: "t2" }), "ConnectConnectorSuccess").connector;
    expect(back).toMatchObject({ id: c.id, configuration, metadata: { env: "prod" }, state: "CONNECTED", version: 5, disconnectReason: null });
    expect(back.tools.find((t) => t.name === tool)?.disabled).toBe(true);
    expect(back.tools.map((t) => t.id)).toEqual(c.tools.map((t) => t.id));
    const trail = (await api.history(c.id))!.events.edges.map((e) => [e.node.kind, e.node.version]).reverse();
    expect(trail).toEqual([["CREATED", 1], ["STATE_CHANGED", 2], ["TOOLS_CHANGED", 3], ["STATE_CHANGED", 4], ["STATE_CHANGED", 5]]);
    expect((await stored(c.id)).secret).toEqual({ accessToken: "t2" });
  });
});
