import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, expect } from "vitest";
import { graphql } from "../gql/index.js";
import { connectors, member } from "../connectors/api.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { ok } from "../helpers/graphql.js";

/** An agent: the SDK's own Client over Streamable HTTP, with a Plugboard API key. */
export interface Agent {
  client: Client;
  /** how many notifications/tools/list_changed it has had */
  listChanged(): number;
  /** resolves at the next notifications/tools/list_changed */
  nextListChanged(): Promise<void>;
  close(): Promise<void>;
}

export async function agent(url: string, key: string | null): Promise<Agent> {
  const client = new Client({ name: "test-agent", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: key ? { Authorization: `Bearer ${key}` } : {} },
  });
  let changes = 0;
  let waiters: (() => void)[] = [];
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    changes++;
    for (const w of waiters) w();
    waiters = [];
  });
  await client.connect(transport);
  const a: Agent = {
    client,
    listChanged: () => changes,
    nextListChanged: () => new Promise((resolve) => waiters.push(resolve)),
    close: async () => {
      await transport.terminateSession().catch(() => {});
      await client.close();
    },
  };
  afterAll(() => a.close().catch(() => {}));
  return a;
}

/** The JSON-RPC error a request ends with (its code, message and data), failing if it succeeds. */
export async function rpcError(p: Promise<unknown>): Promise<{ code: number; message: string; data?: Record<string, unknown> }> {
  const e = (await p.then(
    (v) => {
      throw new Error(`expected a JSON-RPC error, got ${JSON.stringify(v)}`);
    },
    (err: unknown) => err,
  )) as { code: number; message: string; data?: Record<string, unknown> };
  return { code: e.code, message: e.message.replace(/^MCP error -?\d+: /, ""), data: e.data };
}

const GatewayFields = graphql(`
  query GatewayConnector($id: ID!) {
    connector(id: $id) { id handle mcpEndpoint state isActive agentEnabled }
  }
`);

/** A custom connector of `url`, created and connected through GraphQL (the server is asked for real). */
export async function connected(gql: GraphQLClient, url: string, credentials: { accessToken?: string; apiKey?: string } = {}, input: { name?: string; scope?: "TEAM" | "PERSONAL" } = {}) {
  const api = connectors(gql);
  const created = await api.created({ url, matchPreset: false, ...input });
  member(await api.connect({ id: created.id, ...credentials }), "ConnectConnectorSuccess");
  const c = ok(await gql.run(GatewayFields, { id: created.id })).connector!;
  expect(c.state).toBe("CONNECTED");
  return c;
}

const ToolCalls = graphql(`
  query GatewayToolCalls($id: ID!, $filter: ToolCallFilter) {
    connector(id: $id) {
      toolCalls(first: 50, filter: $filter) {
        totalCount
        edges { node { id toolName outcome errorMessage apiKeyId user { id } startedAt durationMs connector { id } } }
      }
    }
  }
`);

/** The connector's ToolCall rows as the viewer of `gql` reads them, newest first (null: not visible). */
export async function toolCalls(gql: GraphQLClient, id: string, filter?: { toolName?: string; outcome?: ("OK" | "ERROR" | "REFUSED" | "TIMEOUT" | "CANCELLED")[] }) {
  const c = ok(await gql.run(ToolCalls, { id, filter })).connector;
  return c ? { totalCount: c.toolCalls.totalCount, calls: c.toolCalls.edges.map((e) => e.node) } : null;
}

export { eventually } from "../helpers/eventually.js";
