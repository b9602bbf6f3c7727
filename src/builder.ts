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
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./validation/page-size.js";
import TotalCountDescriptionPlugin from "./pothos/total-count-description.js";
import SyncNodeIdsPlugin, { SYNC_NODE_ID } from "./pothos/sync-node-ids.js";

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
  // mutationInput sits inside errors: its ValidationError becomes the mutation's union member.
  // syncNodeIds comes last so that it replaces only relay's own resolver, inside every other wrapper.
  plugins: [ErrorsPlugin, mutationInputPlugin, RelayPlugin, ScopeAuthPlugin, PrismaPlugin, ZodPlugin, TotalCountDescriptionPlugin, SyncNodeIdsPlugin],
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
    // The parts every connection shares are described once here; each connection and edge type
    // carries its own description where it is declared.
    nodeTypeOptions: {
      description: "An object with a globally unique id: node(id:) and nodes(ids:) load any of them by it",
    },
    idFieldOptions: {
      extensions: { [SYNC_NODE_ID]: true },
      description: "globally unique and stable, starting with its type's prefix (conn_, pset_, evt_, … as node lists them); node(id:) loads it",
    },
    pageInfoTypeOptions: { description: "Where a page sits in its list: the cursors at its ends and whether more pages follow" },
    pageInfoFieldOptions: { description: "how to ask for the next or the previous page" },
    hasNextPageFieldOptions: {
      description: "more items follow endCursor; exact when paging forward, and when paging backward simply whether before was given",
    },
    hasPreviousPageFieldOptions: {
      description: "more items come before startCursor; exact when paging backward, and when paging forward simply whether after was given",
    },
    startCursorFieldOptions: { description: "the first edge's cursor: pass it as before for the previous page; null when the page is empty" },
    endCursorFieldOptions: { description: "the last edge's cursor: pass it as after for the next page; null when the page is empty" },
    edgesFieldOptions: { description: "the page's items in the list's order, each with its cursor" },
    nodeFieldOptions: { description: "the item at this position" },
    cursorFieldOptions: { description: "opaque position of this item: pass it as after or before to page from here" },
    firstArgOptions: {
      description: `at most this many items from the start, or from after: ${DEFAULT_PAGE_SIZE} when neither first nor last is given, at most ${MAX_PAGE_SIZE}; more, a negative number or first with before is a BAD_USER_INPUT error`,
    },
    lastArgOptions: {
      description: `at most this many items from the end, or from before: at most ${MAX_PAGE_SIZE}; more, a negative number or last with after is a BAD_USER_INPUT error`,
    },
    afterArgOptions: {
      description: "the items after this cursor (endCursor or an edge's cursor), with first; a malformed cursor is a BAD_USER_INPUT error",
    },
    beforeArgOptions: {
      description: "the items before this cursor (startCursor or an edge's cursor), with last; a malformed cursor is a BAD_USER_INPUT error",
    },
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
