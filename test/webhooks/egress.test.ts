import { describe, expect, it } from "vitest";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { CreateWebhook } from "./documents.js";
import { startReceiver } from "./receiver.js";
import { EVENT_DOCUMENT, FAST, registered, rename, settled } from "./setup.js";

describe("webhook targets go through the egress policy", async () => {
  // nothing is allowlisted: loopback and private addresses are refused
  const server = await startServer({ app: { config: { webhooks: { ...FAST, maxAttempts: 2 }, upstream: { egressAllowlist: "" } }, webhooks: { enabled: true } } });

  it("refuses plain http to loopback at registration when it is not allowlisted", async () => {
    const { alice } = await team();
    const receiver = await startReceiver();
    const r = ok(await server.as(alice.key).run(CreateWebhook, { input: { url: receiver.url, document: EVENT_DOCUMENT } })).createWebhook;
    expect(r).toMatchObject({ __typename: "ValidationError", message: "url must be https (plain http only to a host EGRESS_ALLOWLIST names)" });
  });

  it.each([
    ["a private address", async () => "https://10.20.30.40/hook"],
    ["a loopback receiver", async () => (await startReceiver(() => 200)).url.replace("http:", "https:")],
  ])(
    "does not connect to %s: the attempts fail as unreachable, the reason is logged",
    async (_what, target) => {
      const url = await target();
      const { organizationId, alice } = await team();
      const c = await connector(organizationId);
      const { webhook } = await registered(server, alice, { url, variables: { id: c.id } });
      await rename(server, alice, c.id, "Refused");
      const [d] = await settled(server, alice, webhook.id, 1);
      expect(d).toMatchObject({ status: "EXHAUSTED", attempts: 2, lastStatusCode: null, lastError: "the server could not be reached" });
      const lines = server.logs.filter((l) => l.includes(d.id));
      expect(lines).toHaveLength(2);
      expect(lines.every((l) => l.includes("refused by policy"))).toBe(true);
    },
  );
});
