import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { inputProblems } from "./input-walk.js";
import { invalid } from "./input-rules.js";

/**
 * Checks the arguments of every root mutation field (src/validation/input-walk.ts) before its
 * resolver runs. It sits inside the errors plugin, so a mutation whose result union has a
 * ValidationError answers with that member, naming the argument path. Every other argument (of
 * queries, subscriptions and nested fields) is checked before execution, by useInputChecks.
 */
export class MutationInputPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.kind !== "Mutation" || Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      const problems = inputProblems(args, []);
      if (problems.length) throw invalid(problems);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      mutationInput: MutationInputPlugin<Types>;
    }
  }
}

export const mutationInputPlugin = "mutationInput";
SchemaBuilder.registerPlugin(mutationInputPlugin, MutationInputPlugin);
