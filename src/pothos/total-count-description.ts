import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";

/**
 * plugin-prisma adds `totalCount` to a connection with `totalCount` set, but takes no description
 * for it; every other part of a connection is described through the relay options in the builder.
 * Replacing the field in each connection's `fields` would copy the plugin's resolvers, so this fills
 * in the one description instead, recognizing the field by the extension plugin-prisma marks it with.
 */
export class TotalCountDescriptionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.description || !fieldConfig.extensions?.pothosPrismaTotalCount) return fieldConfig;
    return {
      ...fieldConfig,
      description: "how many items the whole list holds, filter applied: first, last, after and before do not change it",
    };
  }
}

const pluginName = "totalCountDescription";
SchemaBuilder.registerPlugin(pluginName, TotalCountDescriptionPlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      totalCountDescription: TotalCountDescriptionPlugin<Types>;
    }
  }
}
