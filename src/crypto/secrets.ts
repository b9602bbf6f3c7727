import { prisma } from "../db/client.js";
import { decrypt, encrypt, type Keyring, keyIdOf } from "./keyring.js";

/**
 * The process's keyring and the secrets stored with it. Every secret column is listed here once,
 * with the associated data that binds each ciphertext to its row.
 */
let keyring: Keyring | null = null;

export function useKeyring(k: Keyring): void {
  keyring = k;
}

function current(): Keyring {
  if (!keyring) throw new Error("the keyring is not loaded");
  return keyring;
}

export type SecretColumn =
  | "Connector.credentialsEnc"
  | "Connector.clientSecretEnc"
  | "PersonalConfiguration.credentialsEnc"
  | "OAuthAuthorization.codeVerifierEnc";

const aad = (column: SecretColumn, rowId: string) => `${column}:${rowId}`;

export const sealSecret = (column: SecretColumn, rowId: string, plaintext: string) =>
  encrypt(current(), plaintext, aad(column, rowId));

export const openSecret = (column: SecretColumn, rowId: string, ciphertext: string) =>
  decrypt(current(), ciphertext, aad(column, rowId));

export const sealJson = (column: SecretColumn, rowId: string, value: unknown) =>
  sealSecret(column, rowId, JSON.stringify(value));

export const openJson = <T>(column: SecretColumn, rowId: string, ciphertext: string): T =>
  JSON.parse(openSecret(column, rowId, ciphertext)) as T;

interface StoredSecret {
  column: SecretColumn;
  id: string;
  value: string;
}

async function* storedSecrets(): AsyncGenerator<StoredSecret> {
  for (const c of await prisma.connector.findMany({
    where: { OR: [{ credentialsEnc: { not: null } }, { clientSecretEnc: { not: null } }] },
    select: { id: true, credentialsEnc: true, clientSecretEnc: true },
  })) {
    if (c.credentialsEnc) yield { column: "Connector.credentialsEnc", id: c.id, value: c.credentialsEnc };
    if (c.clientSecretEnc) yield { column: "Connector.clientSecretEnc", id: c.id, value: c.clientSecretEnc };
  }
  for (const p of await prisma.personalConfiguration.findMany({
    where: { credentialsEnc: { not: null } },
    select: { id: true, credentialsEnc: true },
  })) {
    yield { column: "PersonalConfiguration.credentialsEnc", id: p.id, value: p.credentialsEnc! };
  }
  for (const a of await prisma.oAuthAuthorization.findMany({ select: { id: true, codeVerifierEnc: true } })) {
    yield { column: "OAuthAuthorization.codeVerifierEnc", id: a.id, value: a.codeVerifierEnc };
  }
}

/** At start: every stored secret must open with the configured keys; reads only, writes nothing. */
export async function verifySecrets(): Promise<void> {
  const k = current();
  const missing = new Set<string>();
  for await (const s of storedSecrets()) {
    const id = keyIdOf(s.value);
    if (!id || !k.keys.has(id)) missing.add(id ?? "(unknown format)");
  }
  if (missing.size) {
    throw new Error(
      `Stored secrets were encrypted with key(s) ${[...missing].join(", ")}, which ENCRYPTION_KEYS does not hold. ` +
        "Add the old key(s) after the current one (ENCRYPTION_KEYS=new:…,old:…), then run `npm run cli -- rotate-keys`. Nothing was changed.",
    );
  }
}

/** Re-encrypts every secret with the primary key; returns how many were rewritten. */
export async function rotateSecrets(): Promise<number> {
  const k = current();
  let rewritten = 0;
  for await (const s of storedSecrets()) {
    if (keyIdOf(s.value) === k.primaryId) continue;
    const fresh = sealSecret(s.column, s.id, openSecret(s.column, s.id, s.value));
    const [model, field] = s.column.split(".") as [string, string];
    const delegate = (prisma as unknown as Record<string, { updateMany(a: unknown): Promise<{ count: number }> }>)[
      model[0].toLowerCase() + model.slice(1)
    ];
    // compare-and-set: a secret changed meanwhile is left to its writer
    const { count } = await delegate.updateMany({ where: { id: s.id, [field]: s.value }, data: { [field]: fresh } });
    rewritten += count;
  }
  return rewritten;
}
