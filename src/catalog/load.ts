import { readFile } from "node:fs/promises";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { newId } from "../db/ids.js";
import { presetAuthSchema } from "../mcp/preset-auth.js";
import { DEFAULT_CATALOG_PATH } from "../paths.js";


const jsonObject = z.record(z.string(), z.unknown());
const toolSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  description: z.string().min(1),
  type: z.enum(["READ", "WRITE"]),
  requiresConfirmation: z.boolean(),
  inputSchema: jsonObject.nullish(),
});
const presetSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().nullish(),
  iconUrl: z.string().url().nullish(),
  mcpUrl: z.string().url(),
  authType: z.enum(["OAUTH", "OAUTH_ADMIN_CONSENT", "API_TOKEN", "BEARER", "USERNAME_PASSWORD", "NONE"]),
  oauthScopes: z.array(z.string()).default([]),
  oauth: z
    .object({ authorizationUrl: z.string(), tokenUrl: z.string(), revocationUrl: z.string().optional() })
    .passthrough()
    .nullish(),
  configSchema: jsonObject.nullish(),
  /** how an API_TOKEN credential is sent; absent: Authorization: Bearer {token} */
  auth: presetAuthSchema.nullish(),
  enabled: z.boolean().default(true),
  tools: z.array(toolSchema).min(1),
});
export type CatalogPreset = z.infer<typeof presetSchema>;

export async function readCatalog(path: string = DEFAULT_CATALOG_PATH): Promise<CatalogPreset[]> {
  const raw = JSON.parse(await readFile(path, "utf8"));
  return z.array(presetSchema).parse(raw);
}

/**
 * Loads the catalog idempotently: presets upsert by slug, their tools by name, and tools that left
 * the catalog are removed from the preset (connectors keep their own copies).
 */
export async function loadCatalog(prisma: PrismaClient, presets: CatalogPreset[]): Promise<number> {
  await prisma.$transaction(
    async (tx) => {
      for (const p of presets) {
        const data = {
          name: p.name,
          description: p.description ?? null,
          iconUrl: p.iconUrl ?? null,
          mcpUrl: p.mcpUrl,
          authType: p.authType,
          oauthScopes: p.oauthScopes,
          oauth: (p.oauth ?? undefined) as object | undefined,
          configSchema: (p.configSchema ?? undefined) as object | undefined,
          // DbNull, not undefined: an auth the catalog dropped must not linger as the old header
          auth: p.auth ?? Prisma.DbNull,
          enabled: p.enabled,
        };
        const preset = await tx.preset.upsert({
          where: { slug: p.slug },
          create: { id: newId("pset"), slug: p.slug, ...data },
          update: data,
        });
        for (const [position, t] of p.tools.entries()) {
          const tool = {
            label: t.label,
            description: t.description,
            type: t.type,
            requiresConfirmation: t.requiresConfirmation,
            inputSchema: (t.inputSchema ?? undefined) as object | undefined,
            position,
          };
          await tx.presetTool.upsert({
            where: { presetId_name: { presetId: preset.id, name: t.name } },
            create: { id: newId("tool"), presetId: preset.id, name: t.name, ...tool },
            update: tool,
          });
        }
        await tx.presetTool.deleteMany({ where: { presetId: preset.id, name: { notIn: p.tools.map((t) => t.name) } } });
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  return presets.length;
}
