import { z } from "zod";

/**
 * How a preset's API_TOKEN credential is presented: the header and a template in which `{token}`
 * stands for the stored key. In catalog/presets.json, e.g. `"auth": {"header": "X-API-Key",
 * "template": "{token}"}`; absent, it is `Authorization: Bearer {token}`.
 */
export interface PresetAuth {
  header: string;
  template: string;
}

export const DEFAULT_PRESET_AUTH: PresetAuth = { header: "Authorization", template: "Bearer {token}" };

// RFC 9110 §5.6.2: a field name is a token
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// headers the HTTP client or the MCP transport set themselves: a preset cannot take them over
const RESERVED = new Set([
  "accept", "connection", "content-length", "content-type", "cookie", "host", "last-event-id",
  "mcp-protocol-version", "mcp-session-id", "te", "trailer", "transfer-encoding", "upgrade",
]);

export const presetAuthSchema = z
  .object({
    header: z
      .string()
      .regex(TOKEN, "must be an HTTP header name")
      .refine((h) => !RESERVED.has(h.toLowerCase()), "is a header the MCP transport sets itself"),
    template: z
      .string()
      .max(200)
      .regex(/^[\x20-\x7e]*$/, "must be printable ASCII on one line")
      .refine((t) => t.split("{token}").length === 2, "must hold {token} exactly once"),
  })
  .strict();

/** A Preset.auth column, as loadCatalog stored it (validated then); null for the default. */
export function readPresetAuth(value: unknown): PresetAuth | null {
  return value == null ? null : presetAuthSchema.parse(value);
}
