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

export async function createApiKey(
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

/** The Viewer an Authorization header stands for, or null for a missing, unknown or revoked key. */
export async function authenticate(db: Db, authorization: string | null | undefined): Promise<Viewer | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return null;
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(match[1]) } });
  if (!row || row.revokedAt) return null;
  return { apiKeyId: row.id, organizationId: row.organizationId, userId: row.userId, role: row.role };
}
