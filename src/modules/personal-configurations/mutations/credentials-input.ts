import { builder } from "../../../builder.js";

const OAuth2CredentialsInput = builder.inputType("OAuth2CredentialsInput", {
  description: "OAuth 2 tokens obtained elsewhere; write-only",
  fields: (t) => ({
    accessToken: t.string({ required: true }),
    refreshToken: t.string(),
    expiresAt: t.field({ type: "DateTime", description: "when the access token expires (credentialsExpireAt)" }),
  }),
});

/** Shared by create and update: exactly one kind of credentials. */
export const CredentialsInput = builder.inputType("CredentialsInput", {
  description: "Exactly one kind: apiKey, bearerToken, oauth2, or username with password. Write-only: stored encrypted",
  fields: (t) => ({
    apiKey: t.string(),
    bearerToken: t.string(),
    oauth2: t.field({ type: OAuth2CredentialsInput }),
    username: t.string(),
    password: t.string(),
  }),
});
