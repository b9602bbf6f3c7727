import type { Db } from "../db/client.js";
import { decrypt, encrypt, type Keyring, keyIdOf } from "./keyring.js";

/**
 * The secrets stored with one keyring. Every secret column is listed here once, with the associated
 * data that binds each ciphertext to its row and column: a copy moved elsewhere does not open.
 * These constants are also the only names verifySecrets' SQL interpolates (as "Table"."column").
 */
const COLUMNS = [
  "Connector.credentialsEnc",
  "Connector.clientSecretEnc",
  "PersonalConfiguration.credentialsEnc",
  "OAuthAuthorization.codeVerifierEnc",
  "Webhook.secretEnc",
] as const;
export type SecretColumn = (typeof COLUMNS)[number];

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

const location = (column: SecretColumn) => column.split(".") as [table: string, field: string];

/** Rows read at once while rotating: memory stays bounded whatever the number of secrets. */
const PAGE = 1_000;

/** Every stored secret, a page of one column at a time in id order. */
async function* storedSecrets(db: Db): AsyncGenerator<StoredSecret> {
  for (const column of COLUMNS) {
    const [table, field] = location(column);
    for (let after = ""; ; ) {
      const page = await db.$queryRawUnsafe<{ id: string; value: string }[]>(
        `SELECT "id", "${field}" AS "value" FROM "${table}" WHERE "${field}" IS NOT NULL AND "id" > $1 ORDER BY "id" LIMIT ${PAGE}`,
        after,
      );
      for (const row of page) yield { column, ...row };
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
  }
}

/**
 * The key ids that stored secrets name, null for a value not of keyIdOf's form (`v1.` and three
 * more dot-free parts): counted by the database, so start-up neither decrypts nor even transfers
 * the secrets. Reading every one of them took 9–18 s and 635 MB with 1.18 M secrets (issue 13).
 */
async function storedKeyIds(db: Db): Promise<(string | null)[]> {
  const perColumn = COLUMNS.map((column) => {
    const [table, field] = location(column);
    return `SELECT DISTINCT CASE WHEN "${field}" ~ '^v1\\.[^.]*\\.[^.]*\\.[^.]*$' THEN split_part("${field}", '.', 2) END AS "keyId"
      FROM "${table}" WHERE "${field}" IS NOT NULL`;
  });
  const rows = await db.$queryRawUnsafe<{ keyId: string | null }[]>(perColumn.join("\nUNION\n"));
  return rows.map((r) => r.keyId);
}

/** At start: every stored secret must name a configured key; reads only, writes nothing. */
export async function verifySecrets(db: Db, secrets: Secrets): Promise<void> {
  const missing = new Set<string>();
  for (const id of await storedKeyIds(db)) {
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
