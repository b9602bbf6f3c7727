import type { CredentialType } from "../generated/prisma/enums.js";
import { DEFAULT_PRESET_AUTH, type PresetAuth } from "./preset-auth.js";

/**
 * A decrypted credentialsEnc column: the same shapes as SecretValue in
 * src/modules/common/credentials.ts (restated so that src/mcp does not import the domain layer).
 */
export type StoredSecret =
  | { accessToken: string; refreshToken?: string }
  | { apiKey: string }
  | { username: string; password: string };

export interface StoredCredentials {
  type: CredentialType;
  secret: StoredSecret;
}

/** A credential that cannot be put in a header as it is. Its message names the problem, never the value. */
export class CredentialsHeaderError extends Error {
  override readonly name = "CredentialsHeaderError";
}

// what fetch's Headers accept in a value (RFC 9110 field-value), checked first so that its
// TypeError, which quotes the value, is never raised
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function field<K extends string>(secret: StoredSecret, key: K, type: CredentialType): string {
  const value = (secret as Record<string, unknown>)[key];
  if (typeof value !== "string" || !value) throw new CredentialsHeaderError(`${type} credentials hold no ${key}`);
  return value;
}

function valueFor(text: string, what: string): string {
  if (!HEADER_VALUE.test(text)) {
    throw new CredentialsHeaderError(`the stored ${what} cannot be sent in an HTTP header (it holds a line break, a control character or a character beyond Latin-1)`);
  }
  return text;
}

/**
 * The headers that present stored credentials to an MCP server, for every outbound request:
 * OAUTH2 and BEARER as `Authorization: Bearer <token>`; API_KEY in the preset's header template
 * (`Authorization: Bearer {token}` when the preset declares none, as for a custom MCP server);
 * BASIC as `Authorization: Basic` (RFC 7617, UTF-8); no credentials, no headers.
 * Refreshing an OAuth token that is about to expire is the caller's step before this one.
 */
export function credentialHeaders(credentials: StoredCredentials | null | undefined, auth?: PresetAuth | null): Record<string, string> {
  if (!credentials) return {};
  const { type, secret } = credentials;
  switch (type) {
    case "OAUTH2":
    case "BEARER":
      return { Authorization: `Bearer ${valueFor(field(secret, "accessToken", type), "token")}` };
    case "API_KEY": {
      const { header, template } = auth ?? DEFAULT_PRESET_AUTH;
      return { [header]: template.replace("{token}", valueFor(field(secret, "apiKey", type), "API key")) };
    }
    case "BASIC": {
      const username = field(secret, "username", type);
      if (username.includes(":")) throw new CredentialsHeaderError("a Basic username cannot hold ':' (RFC 7617)");
      const password = (secret as { password?: unknown }).password;
      if (typeof password !== "string") throw new CredentialsHeaderError("BASIC credentials hold no password");
      return { Authorization: `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}` };
    }
    default:
      throw new CredentialsHeaderError(`unknown credential type ${String(type satisfies never)}`);
  }
}
