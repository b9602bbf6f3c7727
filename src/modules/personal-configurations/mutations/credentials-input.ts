import { builder } from "../../../builder.js";

const OAuth2CredentialsInput = builder.inputType("OAuth2CredentialsInput", {
  description: "OAuth 2 tokens obtained elsewhere; write-only",
  fields: (t) => ({
    accessToken: t.string({ required: true, description: "not empty, at most 8192 characters" }),
    refreshToken: t.string({ description: "lets the server refresh the access token before it expires; at most 8192 characters" }),
    expiresAt: t.field({ type: "DateTime", description: "when the access token expires (credentialsExpireAt)" }),
  }),
});

/** Shared by create and update: exactly one kind of credentials. */
export const CredentialsInput = builder.inputType("CredentialsInput", {
  description:
    "Exactly one kind: apiKey, bearerToken, oauth2, or username with password (none or more than one is a ValidationError). Write-only: stored encrypted",
  fields: (t) => ({
    apiKey: t.string({ description: "an API key (credentialType API_KEY); not empty, at most 8192 characters" }),
    bearerToken: t.string({ description: "a token sent as a bearer token (credentialType BEARER); not empty, at most 8192 characters" }),
    oauth2: t.field({ type: OAuth2CredentialsInput, description: "OAuth 2 tokens (credentialType OAUTH2)" }),
    username: t.string({ description: "with password, for HTTP Basic (credentialType BASIC); not blank" }),
    password: t.string({ description: "with username; not empty, at most 8192 characters" }),
  }),
});
