import type { FieldError } from "../errors.js";
import type { AuthType, CredentialType } from "../generated/prisma/enums.js";
import { isOAuthConnector } from "./facts.js";
import { checkSecret, invalid, throwIfInvalid } from "../validation/input-rules.js";

/** What is sealed into a credentialsEnc column (as one JSON ciphertext). */
export type SecretValue =
  | { accessToken: string; refreshToken?: string }
  | { apiKey: string }
  | { username: string; password: string };

export interface Credentials {
  type: CredentialType;
  secret: SecretValue;
  expiresAt?: Date | null;
}

type Kind = "token" | "apiKey" | "basic";

function basicProblems(username: string | null | undefined, password: string | null | undefined, base: string[]): FieldError[] {
  if (username == null) return [{ path: [...base, "username"], message: "is required with password" }];
  if (password == null) return [{ path: [...base, "password"], message: "is required with username" }];
  return [...(username.trim() ? [] : [{ path: [...base, "username"], message: "must not be empty" }]), ...checkSecret(password, [...base, "password"])];
}

export interface ConnectSecrets {
  accessToken?: string | null;
  apiKey?: string | null;
  username?: string | null;
  password?: string | null;
}

// Which credentials each authType takes; OAUTH also connects without any (through the consent flow).
const ACCEPTS: Record<AuthType, { kinds: Kind[]; optional: boolean }> = {
  OAUTH: { kinds: ["token"], optional: true },
  OAUTH_ADMIN_CONSENT: { kinds: ["token"], optional: true },
  BEARER: { kinds: ["token"], optional: false },
  API_TOKEN: { kinds: ["apiKey"], optional: false },
  USERNAME_PASSWORD: { kinds: ["basic"], optional: false },
  NONE: { kinds: [], optional: true },
};
const FIELDS: Record<Kind, string> = { token: "accessToken", apiKey: "apiKey", basic: "username" };
const TYPE: Record<Kind, CredentialType> = { token: "BEARER", apiKey: "API_KEY", basic: "BASIC" };
/** A custom MCP server's authType after a connect: a token or an API key is presented as a bearer token. */
export const AUTH_TYPE_OF: Record<Kind, AuthType> = { token: "BEARER", apiKey: "BEARER", basic: "USERNAME_PASSWORD" };

/**
 * connectConnector's credentials for a connector of `authType`. A custom MCP server (no preset)
 * takes any one kind, or none. Returns null when none is given; throws ValidationError otherwise.
 */
export function connectCredentials(authType: AuthType, custom: boolean, input: ConnectSecrets): (Credentials & { kind: Kind }) | null {
  const base = ["input"];
  const given: Kind[] = [];
  if (input.accessToken != null) given.push("token");
  if (input.apiKey != null) given.push("apiKey");
  if (input.username != null || input.password != null) given.push("basic");
  const rule = custom ? { kinds: ["token", "apiKey", "basic"] as Kind[], optional: true } : ACCEPTS[authType];
  if (given.length > 1) {
    throw invalid(given.map((k) => ({ path: [...base, FIELDS[k]], message: "give only one of accessToken, apiKey or username with password" })));
  }
  const kind = given[0];
  if (!kind) {
    if (rule.optional) return null;
    throw invalid([{ path: [...base, FIELDS[rule.kinds[0]]], message: `is required to connect a ${authType} connector` }]);
  }
  if (!rule.kinds.includes(kind)) {
    const wanted = rule.kinds.length ? `takes ${rule.kinds.map((k) => FIELDS[k]).join(" or ")}` : "needs no credentials";
    throw invalid([{ path: [...base, FIELDS[kind]], message: `is not accepted: a ${authType} connector ${wanted}` }]);
  }
  if (kind === "basic") {
    throwIfInvalid(basicProblems(input.username, input.password, base));
    return { kind, type: "BASIC", secret: { username: input.username!, password: input.password! } };
  }
  const value = kind === "token" ? input.accessToken! : input.apiKey!;
  throwIfInvalid(checkSecret(value, [...base, FIELDS[kind]]));
  const oauth = isOAuthConnector({ authType });
  const type = kind === "token" && oauth && !custom ? "OAUTH2" : TYPE[kind];
  return { kind, type, secret: kind === "token" ? { accessToken: value } : { apiKey: value } };
}

export interface CredentialsInput {
  apiKey?: string | null;
  bearerToken?: string | null;
  oauth2?: { accessToken: string; refreshToken?: string | null; expiresAt?: Date | null } | null;
  username?: string | null;
  password?: string | null;
}

/** A personal configuration's CredentialsInput: exactly one kind. */
export function personalCredentials(input: CredentialsInput, base: string[]): Credentials {
  const given = (["apiKey", "bearerToken", "oauth2"] as const).filter((k) => input[k] != null) as string[];
  if (input.username != null || input.password != null) given.push(input.username != null ? "username" : "password");
  if (given.length !== 1) {
    const message = "give exactly one of apiKey, bearerToken, oauth2 or username with password";
    throw invalid(given.length ? given.map((k) => ({ path: [...base, k], message })) : [{ path: base, message }]);
  }
  if (input.apiKey != null) {
    throwIfInvalid(checkSecret(input.apiKey, [...base, "apiKey"]));
    return { type: "API_KEY", secret: { apiKey: input.apiKey } };
  }
  if (input.bearerToken != null) {
    throwIfInvalid(checkSecret(input.bearerToken, [...base, "bearerToken"]));
    return { type: "BEARER", secret: { accessToken: input.bearerToken } };
  }
  if (input.oauth2) {
    const { accessToken, refreshToken, expiresAt } = input.oauth2;
    throwIfInvalid([
      ...checkSecret(accessToken, [...base, "oauth2", "accessToken"]),
      ...(refreshToken == null ? [] : checkSecret(refreshToken, [...base, "oauth2", "refreshToken"])),
    ]);
    return { type: "OAUTH2", secret: { accessToken, ...(refreshToken ? { refreshToken } : {}) }, expiresAt: expiresAt ?? null };
  }
  throwIfInvalid(basicProblems(input.username, input.password, base));
  return { type: "BASIC", secret: { username: input.username!, password: input.password! } };
}
