import { describe, expect, it } from "vitest";
import { changeConnector } from "../../src/connectors/change.js";
import type { ConnectorAction } from "../../src/connectors/state-machine.js";
import type { ConnectorState } from "../../src/generated/prisma/enums.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";

const STATES: ConnectorState[] = ["CREATED", "AUTH_REQUIRED", "CONNECTED", "DISCONNECTED", "AUTH_FAILED", "TOKEN_EXPIRED", "ERROR"];

// What the issue asks of each public action, written out rather than read from the implementation.
const EXPECTED: Record<"connect with a token" | "connect through OAuth" | "disconnect", Partial<Record<ConnectorState, ConnectorState>>> = {
  "connect with a token": { CREATED: "CONNECTED", AUTH_REQUIRED: "CONNECTED", DISCONNECTED: "CONNECTED", AUTH_FAILED: "CONNECTED", TOKEN_EXPIRED: "CONNECTED", ERROR: "CONNECTED" },
  "connect through OAuth": { CREATED: "AUTH_REQUIRED", AUTH_REQUIRED: "AUTH_REQUIRED", DISCONNECTED: "AUTH_REQUIRED", AUTH_FAILED: "AUTH_REQUIRED", TOKEN_EXPIRED: "AUTH_REQUIRED", ERROR: "AUTH_REQUIRED" },
  disconnect: { AUTH_REQUIRED: "DISCONNECTED", CONNECTED: "DISCONNECTED", AUTH_FAILED: "DISCONNECTED", TOKEN_EXPIRED: "DISCONNECTED", ERROR: "DISCONNECTED" },
};

describe("connector lifecycle through the public mutations", async () => {
  // the real OAuth start: github's preset endpoints with an operator's client, so no request leaves
  // the machine until a browser would follow the consent link
  const server = await startServer({
    app: { config: { oauthClients: { github: { clientId: "state-machine-test" } }, allowedRedirectOrigins: ["https://app.example.test"] } },
  });
  const { alice } = await team();
  const api = connectors(server.as(alice.key));
  const serverSide = (id: string, action: ConnectorAction) =>
    changeConnector(server.app.services, { id, actorId: null, decide: () => ({ action }) });

  /** A github (OAuth) connector in `state`, reached by the mutations where a person can get there. */
  async function inState(state: ConnectorState) {
    const { id } = await api.created({ presetSlug: "github" });
    const token = () => api.connect({ id, accessToken: "t" });
    const steps: Record<ConnectorState, () => Promise<unknown>> = {
      CREATED: async () => {},
      CONNECTED: token,
      AUTH_REQUIRED: () => api.connect({ id }),
      DISCONNECTED: async () => (await token(), api.disconnect(id)),
      // only the server reaches these; the OAuth callback and the MCP client are other modules' work
      AUTH_FAILED: async () => (await api.connect({ id }), serverSide(id, "rejectAuthorization")),
      TOKEN_EXPIRED: async () => (await token(), serverSide(id, "expireToken")),
      ERROR: async () => (await token(), serverSide(id, "fail")),
    };
    await steps[state]();
    const c = (await api.history(id))!;
    expect(c.state).toBe(state);
    return c;
  }

  const actions = {
    "connect with a token": async (id: string) => await api.connect({ id, accessToken: "t2" }),
    "connect through OAuth": async (id: string) => await api.connect({ id, redirectUrl: "https://app.example.test/done" }),
    disconnect: async (id: string) => await api.disconnect(id, "test"),
  };

  const table = Object.entries(EXPECTED).flatMap(([action, to]) => STATES.map((from) => [action, from, to[from] ?? "InvalidStateError"] as const));

  it.each(table)("%s from %s → %s", async (action, from, to) => {
    const before = await inState(from);
    const result = await actions[action as keyof typeof actions](before.id);
    const after = (await api.history(before.id))!;
    if (to === "InvalidStateError") {
      expect(member(result, "InvalidStateError").state).toBe(from);
      expect(after.version).toBe(before.version);
      expect(after.events.totalCount).toBe(before.events.totalCount);
      return;
    }
    expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
    expect(after).toMatchObject({ state: to, version: before.version + 1 });
    expect(after.events.edges[0].node).toMatchObject({ previousState: from, state: to, version: before.version + 1, actor: { id: alice.userId } });
    expect(after.events.totalCount).toBe(before.events.totalCount + 1);
    if (to === "AUTH_REQUIRED") expect(after.authRequest?.authorizationUrl).toMatch(/^https:\/\/github\.com\/login\/oauth\/authorize\?/);
  });

  it("starts the real OAuth flow with the request's origin, and passes its errors through the union", async () => {
    const { id } = await api.created({ presetSlug: "github" });
    const started = member(await api.connect({ id }), "ConnectConnectorSuccess").connector;
    const url = new URL(started.authRequest!.authorizationUrl);
    expect(url.searchParams.get("client_id")).toBe("state-machine-test");
    expect(url.searchParams.get("redirect_uri")).toBe(`${server.url}/oauth/callback`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const other = await api.created({ presetSlug: "github" });
    expect(member(await api.connect({ id: other.id, redirectUrl: "https://evil.example.test" }), "ValidationError").fieldErrors[0].path).toEqual(["input", "redirectUrl"]);
  });

  it("wipes the credentials on disconnect", async () => {
    const c = await inState("CONNECTED");
    const d = member(await api.disconnect(c.id), "DisconnectConnectorSuccess").connector;
    expect(d.state).toBe("DISCONNECTED");
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ credentialsEnc: null, credentialType: null });
  });
});
