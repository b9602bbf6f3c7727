import { describe, expect, it, vi } from "vitest";
import { newId } from "../../src/db/ids.js";
import { UpstreamError, ValidationError } from "../../src/errors.js";
import type { ConnectorState } from "../../src/generated/prisma/enums.js";
import { changeConnector } from "../../src/modules/connectors/changes.js";
import type { ConnectorAction } from "../../src/modules/connectors/state-machine.js";
import { beginAuthorization } from "../../src/oauth/begin.js";
import { revokeCredentials } from "../../src/oauth/revoke.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";

// The OAuth flow is another module's work; here it only has to move the connector to AUTH_REQUIRED
// the way the real one does (through changeConnector), so the lifecycle can be driven end to end.
vi.mock("../../src/oauth/begin.js", async (original) => ({ ...(await original<object>()), beginAuthorization: vi.fn() }));
vi.mock("../../src/oauth/revoke.js", async (original) => ({ ...(await original<object>()), revokeCredentials: vi.fn() }));

vi.mocked(beginAuthorization).mockImplementation((input) =>
  changeConnector({
    id: input.connector.id,
    actorId: input.actorId,
    pubsub: input.pubsub,
    decide: () => ({
      kind: "STATE_CHANGED",
      action: "startAuthorization",
      also: (tx, c) =>
        tx.oAuthAuthorization.create({
          data: {
            id: newId("oauth"), connectorId: c.id, stateHash: newId("oauth"), codeVerifierEnc: "x", server: {},
            authorizationUrl: "https://auth.example.test/authorize", expiresAt: new Date(Date.now() + 600_000),
          },
        }),
    }),
  }),
);
vi.mocked(revokeCredentials).mockResolvedValue();

const STATES: ConnectorState[] = ["CREATED", "AUTH_REQUIRED", "CONNECTED", "DISCONNECTED", "AUTH_FAILED", "TOKEN_EXPIRED", "ERROR"];

// What the issue asks of each public action, written out rather than read from the implementation.
const EXPECTED: Record<"connect with a token" | "connect through OAuth" | "disconnect", Partial<Record<ConnectorState, ConnectorState>>> = {
  "connect with a token": { CREATED: "CONNECTED", AUTH_REQUIRED: "CONNECTED", DISCONNECTED: "CONNECTED", AUTH_FAILED: "CONNECTED", TOKEN_EXPIRED: "CONNECTED", ERROR: "CONNECTED" },
  "connect through OAuth": { CREATED: "AUTH_REQUIRED", AUTH_REQUIRED: "AUTH_REQUIRED", DISCONNECTED: "AUTH_REQUIRED", AUTH_FAILED: "AUTH_REQUIRED", TOKEN_EXPIRED: "AUTH_REQUIRED", ERROR: "AUTH_REQUIRED" },
  disconnect: { AUTH_REQUIRED: "DISCONNECTED", CONNECTED: "DISCONNECTED", AUTH_FAILED: "DISCONNECTED", TOKEN_EXPIRED: "DISCONNECTED", ERROR: "DISCONNECTED" },
};

describe("connector lifecycle through the public mutations", async () => {
  const server = await startServer();
  const { alice } = await team();
  const api = connectors(server.as(alice.key));
  const serverSide = (id: string, action: ConnectorAction) =>
    changeConnector({ id, actorId: null, pubsub: server.app.pubsub, decide: () => ({ kind: "STATE_CHANGED", action }) });

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
    if (to === "AUTH_REQUIRED") expect(after.authRequest?.authorizationUrl).toBe("https://auth.example.test/authorize");
  });

  it("hands the OAuth flow what it needs, and passes its errors through the union", async () => {
    const { id } = await api.created({ presetSlug: "github" });
    vi.mocked(beginAuthorization).mockClear();
    await api.connect({ id, redirectUrl: "https://app.example.test/done" });
    expect(vi.mocked(beginAuthorization).mock.calls[0][0]).toMatchObject({
      connector: { id }, redirectUrl: "https://app.example.test/done", actorId: alice.userId, origin: server.url, config: { allowedRedirectOrigins: [] },
    });
    const other = await api.created({ presetSlug: "github" });
    vi.mocked(beginAuthorization).mockRejectedValueOnce(ValidationError.field(["input", "redirectUrl"], "is not an allowed redirect"));
    expect(member(await api.connect({ id: other.id, redirectUrl: "https://evil.example.test" }), "ValidationError").fieldErrors[0].path).toEqual(["input", "redirectUrl"]);
    vi.mocked(beginAuthorization).mockRejectedValueOnce(new UpstreamError("discovery failed at auth.example.test"));
    expect(member(await api.connect({ id: other.id }), "UpstreamError").message).toContain("discovery failed");
  });

  it("revokes before wiping on disconnect, and wipes even when revocation fails", async () => {
    const c = await inState("CONNECTED");
    vi.mocked(revokeCredentials).mockClear().mockRejectedValueOnce(new Error("provider down"));
    const d = member(await api.disconnect(c.id), "DisconnectConnectorSuccess").connector;
    expect(d.state).toBe("DISCONNECTED");
    expect(vi.mocked(revokeCredentials).mock.calls[0][0]).toMatchObject({ id: c.id, credentialType: "OAUTH2" });
  });
});
