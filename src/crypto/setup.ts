import { join } from "node:path";
import type { DatabaseTarget } from "../db/target.js";
import { generateKeySpec, type Keyring, loadOrCreateKeyFile, parseKeyring } from "./keyring.js";

/**
 * ENCRYPTION_KEYS when set. Otherwise embedded PGlite keeps a key file beside its data, memory://
 * uses a key that dies with the process, and PostgreSQL refuses to start: several instances must
 * share one keyring, so it has to be configured.
 */
export async function loadKeyring(spec: string | undefined, target: DatabaseTarget, dataDir: string): Promise<Keyring> {
  if (spec) return parseKeyring(spec);
  if (target.kind === "pglite") return loadOrCreateKeyFile(join(dataDir, "encryption-keys"));
  if (target.kind === "memory") return parseKeyring(generateKeySpec("memory"));
  throw new Error(
    "ENCRYPTION_KEYS is required with PostgreSQL: every instance must share it. Make one with\n" +
      `  ENCRYPTION_KEYS=${"k1"}:$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")`,
  );
}
