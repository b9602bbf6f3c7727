import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type { Context } from "./context.js";
import { mutationInputPlugin } from "./validation/input-plugin.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";

export type Scalars = {
  DateTime: { Input: Date; Output: Date | string };
  JSONObject: { Input: Record<string, unknown>; Output: unknown };
  URL: { Input: string; Output: string };
  ID: { Input: string; Output: string };
};

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: Scalars;
  AuthScopes: { admin: boolean };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // mutationInput sits inside errors: its ValidationError becomes the mutation's union member
  plugins: [ErrorsPlugin, mutationInputPlugin, RelayPlugin, ScopeAuthPlugin, PrismaPlugin, ZodPlugin],
  defaultFieldNullability: false,
  errors: { defaultTypes: [] },
  relay: {
    // The contract's ids are the prefixed database ids themselves (conn_…), not base64 blobs.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: "Node", id: globalID }),
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: "omit",
    cursorType: "String",
    // `nodes` beside `edges` on every connection, as GitHub and Shopify offer: the nodes without cursors
    nodesOnConnection: { description: "the nodes of edges, in the same order, for clients that need no cursor per node" },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ admin: ctx.viewer.role === "ADMIN" }),
  },
  prisma: {
    // the client of the services this request runs with: two apps in one process never share it
    client: (ctx) => ctx.services.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
});
