import type { Connector } from "../generated/prisma/client.js";

/**
 * Best effort: revokes the connector's stored tokens at the provider when it has a revocation
 * endpoint. Never throws; the caller wipes the credentials whatever happens here.
 * STUB: implemented by the OAuth work (src/oauth/).
 */
export async function revokeCredentials(_connector: Connector): Promise<void> {}
