import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { newId } from "../db/ids.js";
import type { Viewer } from "./viewer.js";

type Db = Pick<PrismaClient, "apiKey">;

const KEY_PREFIX = "pb_";

/** 32 random bytes, base64url: what a person copies once and the server never stores. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Writes a key row and returns the key, the one time it exists outside the caller's hands. No rules:
 * the administration functions (src/administration/api-keys.ts) check them; bootstrap and tests
 * write what they need.
 */
export async function insertApiKey(
  db: Db,
  input: { organizationId: string; userId?: string | null; role: Role; name?: string | null; key?: string },
): Promise<{ id: string; key: string }> {
  const key = input.key ?? generateApiKey();
  const id = newId("key");
  await db.apiKey.create({
    data: {
      id,
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      role: input.role,
      name: input.name ?? null,
      prefix: key.slice(0, 10),
      hash: hashApiKey(key),
    },
  });
  return { id, key };
}

/** The Viewer an API key stands for, or null for an unknown or revoked key. */
export async function viewerOfApiKey(db: Db, key: string): Promise<Viewer | null> {
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  return { apiKeyId: row.id, organizationId: row.organizationId, userId: row.userId, role: row.role };
}

/** The bearer credential of an Authorization header, or null. */
export const bearerCredential = (authorization: string | null | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? null;

