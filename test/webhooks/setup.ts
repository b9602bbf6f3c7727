import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.js";
import { expect, vi } from "vitest";
import { type Actor, type TestServer } from "../helpers/server.js";
import { ok } from "../helpers/graphql.js";
import { CreateWebhook, Deliveries, UpdateConnectorName } from "./documents.js";
import type { Received } from "./receiver.js";

/** The settings of the files' servers: retries within milliseconds, so that tests run fast. */
export const FAST = { backoffBaseMs: 20, backoffMaxMs: 200, pollIntervalMs: 25, maxAttempts: 3, timeoutMs: 5_000 };

export const EVENT_DOCUMENT = `subscription OnConnector($id: ID) {
  connectorEvents(id: $id) { kind connectorId connector { name } }
}`;

/** Registers a webhook as `actor`, expecting success. */
export async function registered(server: TestServer, actor: Actor, input: { url: string; document?: string; variables?: Record<string, unknown> }) {
  const r = ok(await server.as(actor.key).run(CreateWebhook, { input: { document: EVENT_DOCUMENT, ...input } })).createWebhook;
  if (r.__typename !== "CreateWebhookSuccess") throw new Error(`createWebhook: ${r.__typename} ${"message" in r ? r.message : ""}`);
  return { webhook: r.webhook, secret: r.secret };
}

/** Renames a connector through the API: one UPDATED event. */
export async function rename(server: TestServer, actor: Actor, id: string, name: string) {
  const r = ok(await server.as(actor.key).run(UpdateConnectorName, { input: { id, name } })).updateConnector;
  expect(r.__typename).toBe("UpdateConnectorSuccess");
}

export async function deliveries(server: TestServer, actor: Actor, webhookId: string, status?: ("PENDING" | "DELIVERED" | "FAILED" | "EXHAUSTED" | "SKIPPED")[]) {
  const node = ok(await server.as(actor.key).run(Deliveries, { id: webhookId, first: 100, status })).node;
  if (!node || !("deliveries" in node)) throw new Error("no webhook");
  return node.deliveries.nodes;
}

/** Waits (polling the API) until the webhook has `n` deliveries in a final status. */
export function settled(server: TestServer, actor: Actor, webhookId: string, n: number) {
  return vi.waitFor(
    async () => {
      const all = await deliveries(server, actor, webhookId);
      const final = all.filter((d) => d.status === "DELIVERED" || d.status === "EXHAUSTED" || d.status === "SKIPPED");
      if (final.length < n) throw new Error(`${final.length} of ${n} settled`);
      return all;
    },
    { timeout: 20_000, interval: 50 },
  );
}

/** A receiver's check of a request, as the README shows it (Standard Webhooks). */
export function verifies(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`;
  const expected = `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
  return String(r.headers["webhook-signature"]).split(" ").includes(expected);
}

type Verify = (secret: string, headers: Record<string, unknown>, rawBody: string, toleranceSeconds?: number) => boolean;

/** The README's verification snippet, as a receiver would paste it (its import line given as arguments). */
export function readmeVerify(): Verify {
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes("function verify("));
  if (!block) throw new Error("the README has no verification snippet");
  const body = block.replace(/^import .*$/m, "");
  return new Function("createHmac", "timingSafeEqual", `${body}\nreturn verify;`)(createHmac, timingSafeEqual) as Verify;
}
