import { extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { checkResourceAllowed, resourceUrlFromServerUrl } from "@modelcontextprotocol/sdk/shared/auth-utils.js";
import * as oauth from "oauth4webapi";
import type { Egress } from "../egress/egress.js";
import { UpstreamError } from "../errors.js";
import { describeFailure, isLoopbackHttp, requestOptions } from "./http.js";

export interface Discovered {
  as: oauth.AuthorizationServer;
  /** the RFC 8707 resource indicator for the MCP server */
  resource: string;
  scopes: string[];
}

/**
 * The MCP authorization spec's discovery: the MCP server's protected resource metadata (RFC 9728,
 * from its 401 challenge or the well-known URLs), then its authorization server's metadata
 * (RFC 8414, OpenID discovery as fallback). A server without resource metadata is taken to be its
 * own authorization server (the spec's 2025-03-26 behaviour). Every request goes through the egress
 * policy: the metadata may name any URL, and a non-public one must not be reachable through it.
 */
export async function discover(mcpUrl: string, egress: Pick<Egress, "fetch">): Promise<Discovered> {
  const server = resourceUrlFromServerUrl(mcpUrl);
  const challenge = await probe(server, egress);
  const prm = await protectedResource(server, egress, challenge.resourceMetadataUrl);
  const issuer = new URL(prm?.authorization_servers?.[0] ?? server.origin);
  const as = await authorizationServer(issuer, egress);
  if (!as.authorization_endpoint || !as.token_endpoint) {
    throw new UpstreamError(`The authorization server ${issuer.href} does not publish authorization and token endpoints`);
  }
  // PKCE is mandatory here: a server that lists its methods must list S256
  if (as.code_challenge_methods_supported && !as.code_challenge_methods_supported.includes("S256")) {
    throw new UpstreamError(`The authorization server ${issuer.href} does not support PKCE with S256`);
  }
  return {
    as,
    resource: prm?.resource ?? server.href,
    scopes: challenge.scope?.split(" ").filter(Boolean) ?? prm?.scopes_supported ?? [],
  };
}

/** An unauthenticated MCP request: a 401 may name the resource metadata and the scope to ask for. */
async function probe(server: URL, egress: Pick<Egress, "fetch">): Promise<{ resourceMetadataUrl?: URL; scope?: string }> {
  try {
    const res = await initialize(server, egress);
    return res.status === 401 ? extractWWWAuthenticateParams(res) : {};
  } catch {
    return {}; // the well-known URLs may still answer
  }
}

/** An MCP `initialize` without credentials. Only the status and headers matter: the body is dropped. */
async function initialize(server: URL, egress: Pick<Egress, "fetch">): Promise<Response> {
  const res = await egress.fetch(server, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "plugboard", version: "0.1.0" } },
    }),
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  await res.body?.cancel().catch(() => {}); // an SSE answer would otherwise stream on
  return res;
}

async function protectedResource(server: URL, egress: Pick<Egress, "fetch">, fromChallenge?: URL): Promise<oauth.ResourceServer | null> {
  const attempts =
    fromChallenge && (fromChallenge.protocol === "https:" || isLoopbackHttp(fromChallenge))
      ? [() => egress.fetch(fromChallenge, { headers: { accept: "application/json" }, redirect: "manual", signal: AbortSignal.timeout(10_000) })]
      : [server, new URL(server.origin)].map((u) => () => oauth.resourceDiscoveryRequest(u, requestOptions(u, egress)));
  for (const attempt of attempts) {
    try {
      const res = await attempt();
      if (res.status === 404) continue;
      return await resourceMetadata(server, res);
    } catch {
      // the next URL, or none: then the MCP server is its own authorization server
    }
  }
  return null;
}

/** RFC 9728 wants the exact resource; the MCP spec accepts a resource that covers the server's URL. */
async function resourceMetadata(server: URL, res: Response): Promise<oauth.ResourceServer> {
  const copy = res.clone();
  try {
    return await oauth.processResourceDiscoveryResponse(server, res);
  } catch (e) {
    if (!(e instanceof oauth.OperationProcessingError && e.code === oauth.JSON_ATTRIBUTE_COMPARISON)) throw e;
    const body = (await copy.json()) as oauth.ResourceServer;
    if (!checkResourceAllowed({ requestedResource: server, configuredResource: body.resource })) throw e;
    return body;
  }
}

async function authorizationServer(issuer: URL, egress: Pick<Egress, "fetch">): Promise<oauth.AuthorizationServer> {
  let failure: unknown;
  for (const algorithm of ["oauth2", "oidc"] as const) {
    try {
      const res = await oauth.discoveryRequest(issuer, { algorithm, ...requestOptions(issuer, egress) });
      return await oauth.processDiscoveryResponse(issuer, res);
    } catch (e) {
      failure = e;
    }
  }
  const why = describeFailure(failure);
  // unanswered, the server goes unnamed: the message is then one sentence whatever address was tried
  if (why.code === "unreachable") throw new UpstreamError(`Could not read the authorization server's metadata: ${why.message}`, { kind: "unreachable" });
  throw new UpstreamError(`Could not read the metadata of the authorization server ${issuer.href}: ${why.message}`);
}
