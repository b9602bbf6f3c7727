import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * AES-256-GCM with a keyring: the first key encrypts, every key decrypts, and each ciphertext names
 * the key that made it (`v1.<keyId>.<iv>.<ciphertext+tag>`), so keys can rotate without downtime.
 * The associated data binds a ciphertext to its row and column: a secret copied to another row
 * does not decrypt there.
 */
export interface Keyring {
  primaryId: string;
  keys: Map<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let primaryId = "";
  for (const entry of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const sep = entry.indexOf(":");
    const id = entry.slice(0, sep);
    const key = Buffer.from(entry.slice(sep + 1), "base64");
    if (sep < 1 || !KEY_ID.test(id)) throw new Error(`ENCRYPTION_KEYS: "${id || entry.slice(0, 8)}…" is not id:base64key`);
    if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes of base64 (got ${key.length})`);
    if (keys.has(id)) throw new Error(`ENCRYPTION_KEYS: key id "${id}" appears twice`);
    keys.set(id, key);
    primaryId ||= id;
  }
  if (!primaryId) throw new Error("ENCRYPTION_KEYS holds no key");
  return { primaryId, keys };
}

export function generateKeySpec(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/** Embedded mode without ENCRYPTION_KEYS: a key file made once, readable by its owner only. */
export async function loadOrCreateKeyFile(path: string): Promise<Keyring> {
  try {
    return parseKeyring((await readFile(path, "utf8")).trim());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await mkdir(dirname(path), { recursive: true });
  const spec = generateKeySpec();
  await writeFile(path, `${spec}\n`, { mode: 0o600, flag: "wx" });
  await chmod(path, 0o600);
  return parseKeyring(spec);
}

export function encrypt(keyring: Keyring, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.keys.get(keyring.primaryId)!, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${keyring.primaryId}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export class UndecryptableSecretError extends Error {}

export function keyIdOf(ciphertext: string): string | null {
  const parts = ciphertext.split(".");
  return parts.length === 4 && parts[0] === "v1" ? parts[1] : null;
}

export function decrypt(keyring: Keyring, ciphertext: string, aad: string): string {
  const [version, keyId, iv, body] = ciphertext.split(".");
  const key = keyring.keys.get(keyId ?? "");
  if (version !== "v1" || !key || !iv || !body) {
    throw new UndecryptableSecretError(`no configured key "${keyId}" can open this secret`);
  }
  const data = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new UndecryptableSecretError(`the secret does not open with key "${keyId}"`);
  }
}
