import type { Db } from "../db/client.js";
import { decrypt, encrypt, type Keyring, keyIdOf } from "./keyring.js";

/**
 * The secrets stored with one keyring. Every secret column is listed here once, with the associated
 * data that binds each ciphertext to its row and column: a copy moved elsewhere does not open.
 */
export type SecretColumn =
  | "Connector.credentialsEnc"
  | "Connector.clientSecretEnc"
  | "PersonalConfiguration.credentialsEnc"
  | "OAuthAuthorization.codeVerifierEnc"
  | "Webhook.secretEnc";

export interface Secrets {
  readonly keyring: Keyring;
  seal(column: SecretColumn, rowId: string, plaintext: string): string;
  open(column: SecretColumn, rowId: string, ciphertext: string): string;
  sealJson(column: SecretColumn, rowId: string, value: unknown): string;
  openJson<T>(column: SecretColumn, rowId: string, ciphertext: string): T;
}

const aad = (column: SecretColumn, rowId: string) => `${column}:${rowId}`;

export function createSecrets(keyring: Keyring): Secrets {
  const seal = (column: SecretColumn, rowId: string, plaintext: string) => encrypt(keyring, plaintext, aad(column, rowId));
  const open = (column: SecretColumn, rowId: string, ciphertext: string) => decrypt(keyring, ciphertext, aad(column, rowId));
  return {
    keyring,
    seal,
    open,
    sealJson: (column, rowId, value) => seal(column, rowId, JSON.stringify(value)),
    openJson: <T>(column: SecretColumn, rowId: string, ciphertext: string) => JSON.parse(open(column, rowId, ciphertext)) as T,
  };
}

interface StoredSecret {
  column: SecretColumn;
  id: string;
  value: string;
}

async function* storedSecrets(db: Db): AsyncGenerator<StoredSecret> {
  for (const c of await db.connector.findMany({
    where: { OR: [{ credentialsEnc: { not: null } }, { clientSecretEnc: { not: null } }] },
    select: { id: true, credentialsEnc: true, clientSecretEnc: true },
  })) {
    if (c.credentialsEnc) yield { column: "Connector.credentialsEnc", id: c.id, value: c.credentialsEnc };
    if (c.clientSecretEnc) yield { column: "Connector.clientSecretEnc", id: c.id, value: c.clientSecretEnc };
  }
  for (const p of await db.personalConfiguration.findMany({
    where: { credentialsEnc: { not: null } },
    select: { id: true, credentialsEnc: true },
  })) {
    yield { column: "PersonalConfiguration.credentialsEnc", id: p.id, value: p.credentialsEnc! };
  }
  for (const a of await db.oAuthAuthorization.findMany({ select: { id: true, codeVerifierEnc: true } })) {
    yield { column: "OAuthAuthorization.codeVerifierEnc", id: a.id, value: a.codeVerifierEnc };
  }
  for (const w of await db.webhook.findMany({ select: { id: true, secretEnc: true } })) {
    yield { column: "Webhook.secretEnc", id: w.id, value: w.secretEnc };
  }
}

/** At start: every stored secret must open with the configured keys; reads only, writes nothing. */
export async function verifySecrets(db: Db, secrets: Secrets): Promise<void> {
  const missing = new Set<string>();
  for await (const s of storedSecrets(db)) {
    const id = keyIdOf(s.value);
    if (!id || !secrets.keyring.keys.has(id)) missing.add(id ?? "(unknown format)");
  }
  if (missing.size) {
    throw new Error(
      `Stored secrets were encrypted with key(s) ${[...missing].join(", ")}, which ENCRYPTION_KEYS does not hold. ` +
        "Add the old key(s) after the current one (ENCRYPTION_KEYS=new:…,old:…), then run `npm run cli -- rotate-keys`. Nothing was changed.",
    );
  }
}

/** Re-encrypts every secret with the primary key; returns how many were rewritten. */
export async function rotateSecrets(db: Db, secrets: Secrets): Promise<number> {
  let rewritten = 0;
  for await (const s of storedSecrets(db)) {
    if (keyIdOf(s.value) === secrets.keyring.primaryId) continue;
    const fresh = secrets.seal(s.column, s.id, secrets.open(s.column, s.id, s.value));
    const [model, field] = s.column.split(".") as [string, string];
    const delegate = (db as unknown as Record<string, { updateMany(a: unknown): Promise<{ count: number }> }>)[
      model[0].toLowerCase() + model.slice(1)
    ];
    // compare-and-set: a secret changed meanwhile is left to its writer
    const { count } = await delegate.updateMany({ where: { id: s.id, [field]: s.value }, data: { [field]: fresh } });
    rewritten += count;
  }
  return rewritten;
}
