import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";

/** The extension the builder's `idFieldOptions` puts on every Node's `id` field. */
export const SYNC_NODE_ID = "plugboardSyncNodeId";

/**
 * plugin-relay resolves every Node's `id` through an async function, so a page of 50 connectors
 * with 10 tools each settles 550 promises for values already in hand (issue 13 measured 15% of the
 * list's CPU). Here a global id is the row's own prefixed id (the builder's encodeGlobalID is the
 * identity) and every node type takes it from `id`, so the field can read it synchronously.
 */
export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (!fieldConfig.extensions?.[SYNC_NODE_ID]) return resolver;
    return (parent) => String((parent as { id: string | number }).id);
  }
}

const pluginName = "syncNodeIds";
SchemaBuilder.registerPlugin(pluginName, SyncNodeIdsPlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}
