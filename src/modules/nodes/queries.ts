import { GraphQLError } from "graphql";
import { builder } from "../../builder.js";
import { loadNode } from "./load.js";

const MAX_NODES = 100;

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: "Any object by its id (conn_…, pset_…, pconf_…, tool_…, org_…, user_…, evt_…, call_…, key_…, audit_…, hook_…, whd_…); null when unknown or not the viewer's to see",
    args: { id: t.arg.id({ required: true, description: "the object's id; a malformed one gives null too" }) },
    resolve: (_root, args, ctx) => loadNode(ctx.services.db, ctx.viewer, String(args.id)) as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Objects by their ids, in order; null for each one that is unknown (at most ${MAX_NODES})`,
    args: { ids: t.arg.idList({ required: true, description: `at most ${MAX_NODES} ids; more is a BAD_USER_INPUT error` }) },
    resolve: async (_root, args, ctx) => {
      if (args.ids.length > MAX_NODES) {
        throw new GraphQLError(`"ids" may hold at most ${MAX_NODES} ids`, { extensions: { code: "BAD_USER_INPUT" } });
      }
      return Promise.all(args.ids.map((id) => loadNode(ctx.services.db, ctx.viewer, String(id)))) as never;
    },
  }),
}));
