import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { wsUrl } from "../helpers/subscriptions.js";

/** The HTTP status an upgrade got: 101 when it was accepted. */
function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url), "graphql-transport-ws", origin ? { origin } : {});
    ws.once("open", () => (ws.close(), resolve(101)));
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", reject);
  });
}

describe("WebSocket upgrades and the Origin a browser sends", async () => {
  const server = await startServer();
  const listed = await startServer({ app: { config: { corsOrigins: ["https://app.example.com"] } } });
  await team();

  it("lets in the server's own pages and clients that send no Origin, and refuses other sites' pages with 403", async () => {
    expect(await upgrade(server.url)).toBe(101);
    expect(await upgrade(server.url, server.url)).toBe(101);
    expect(await upgrade(server.url, "https://evil.example")).toBe(403);
    expect(await upgrade(server.url, "null")).toBe(403);
  });

  it("lets in the origins of CORS_ORIGINS, and those only", async () => {
    expect(await upgrade(listed.url, "https://app.example.com")).toBe(101);
    expect(await upgrade(listed.url, "https://app.example.com.evil.example")).toBe(403);
    expect(await upgrade(listed.url, "http://app.example.com")).toBe(403);
  });
});
