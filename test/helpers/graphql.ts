import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";

export interface GraphQLResponse<T> extends ExecutionResult<T> {
  status: number;
}

export interface GraphQLClient {
  /** runs a typed document (from test/gql, made by codegen.ts) */
  run<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphQLResponse<T>>;
  /** runs raw text: for malformed or deliberately untyped requests */
  raw(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<any>>;
}

export function graphqlClient(url: string, key: string | null): GraphQLClient {
  const post = async (query: string, variables?: unknown) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as ExecutionResult;
    return { ...body, status: res.status } as GraphQLResponse<any>;
  };
  return {
    run: (document, variables) => post(print(document), variables),
    raw: (query, variables) => post(query, variables),
  };
}

/** The data of a response that must have no errors. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}
