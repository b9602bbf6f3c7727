import type { PrismaClient } from "../generated/prisma/client.js";
import { newId } from "../db/ids.js";
import { insertApiKey } from "./api-keys.js";

export interface Bootstrapped {
  organizationSlug: string;
  adminEmail: string;
  apiKey: string;
  /** made here (to be shown once), not BOOTSTRAP_API_KEY's: the operator's own key is never printed */
  generated: boolean;
}

/**
 * First start on an empty database: one organization, an ADMIN user and an admin API key, so that
 * the person who started the server can use it at once. Returns null when there is data already.
 */
export async function bootstrap(prisma: PrismaClient, presetKey?: string): Promise<Bootstrapped | null> {
  return prisma.$transaction(async (tx) => {
    // two instances starting together on one PostgreSQL must not both bootstrap
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(72707370)");
    if ((await tx.organization.count()) > 0) return null;
    const org = await tx.organization.create({
      data: { id: newId("org"), slug: "default", name: "Default organization" },
    });
    const user = await tx.user.create({
      data: { id: newId("user"), organizationId: org.id, email: "admin@localhost", name: "Admin", role: "ADMIN" },
    });
    const { key } = await insertApiKey(tx, {
      organizationId: org.id,
      userId: user.id,
      role: "ADMIN",
      name: "bootstrap admin key",
      key: presetKey,
    });
    return { organizationSlug: org.slug, adminEmail: user.email, apiKey: key, generated: presetKey === undefined };
  });
}
