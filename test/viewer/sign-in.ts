import { randomBytes } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { parseOidcIssuers } from "../../src/auth/oidc/config.js";

/** Sign-in test helpers: issuers written as an operator writes OIDC_ISSUERS, and raw requests. */

export const slug = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;

/** OIDC_ISSUERS entries, parsed by the server's own parser (defaults filled in). */
export const issuers = (...entries: Record<string, unknown>[]) => parseOidcIssuers(JSON.stringify(entries));

export interface RawResponse {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POST /graphql with `Authorization: Bearer <token>`, keeping the status and headers. */
export async function post<T, V>(url: string, token: string, document: TypedDocumentNode<T, V>, variables?: V): Promise<RawResponse> {
  const query = print(document);
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as RawResponse["body"] };
}

/** The status, code and reason of a refused request, to compare in one expectation. */
export const refusal = (r: RawResponse) => ({
  status: r.status,
  code: r.body.errors?.[0]?.extensions?.code,
  reason: r.body.errors?.[0]?.extensions?.reason,
  data: r.body.data ?? null,
});
