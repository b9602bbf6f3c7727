import type { GraphQLSchema } from "graphql";
import { isAdmin, type Viewer } from "../auth/viewer.js";
import { visibleConnector } from "../connectors/access.js";
import { isIdOf, newId } from "../db/ids.js";
import { parseAllowlist } from "../egress/allowlist.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import type { Prisma, Webhook } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { parseWebhookDocument } from "./document.js";
import { newWebhookSecret } from "./signing.js";
import { checkWebhookUrl } from "./url.js";

type Deps = Pick<CoreServices, "db" | "secrets" | "config">;

export interface WebhookInput {
  url?: string | null;
  document?: string | null;
  variables?: Record<string, unknown> | null;
  description?: string | null;
  enabled?: boolean | null;
}

/** A webhook with its signing secret, which is shown this once. */
export interface WithSecret {
  webhook: Webhook;
  secret: string;
}

const MAX_DESCRIPTION = 500;

/** Webhooks are the organization's: only an ADMIN registers, reads or changes them. */
export function assertCanManageWebhooks(viewer: Viewer): void {
  if (!isAdmin(viewer)) throw new ForbiddenError("Only an ADMIN can manage webhooks");
}

/** The webhook if the viewer is an ADMIN of its organization; another organization's is unknown. */
export async function manageableWebhook({ db }: Pick<Deps, "db">, viewer: Viewer, id: string): Promise<Webhook> {
  assertCanManageWebhooks(viewer);
  const hook = isIdOf("hook", id) ? await db.webhook.findFirst({ where: { id, organizationId: viewer.organizationId } }) : null;
  if (!hook) throw new NotFoundError(id, "webhook");
  return hook;
}

/** The document and its variables checked together; a connector it names must be one the viewer sees. */
async function checkedDocument(deps: Deps, schema: GraphQLSchema, viewer: Viewer, document: string, variables: Record<string, unknown> | null | undefined) {
  const parsed = parseWebhookDocument(schema, document, variables);
  if (parsed.connectorId && !(await visibleConnector(deps.db, viewer, parsed.connectorId))) throw new NotFoundError(parsed.connectorId, "connector");
  return parsed;
}

function checkedDescription(description: string | null | undefined): string | null {
  if (description && description.length > MAX_DESCRIPTION) {
    throw ValidationError.field(["input", "description"], `description may be at most ${MAX_DESCRIPTION} characters`);
  }
  return description ?? null;
}

export async function createWebhook(deps: Deps, schema: GraphQLSchema, viewer: Viewer, input: WebhookInput & { url: string; document: string }): Promise<WithSecret> {
  assertCanManageWebhooks(viewer);
  const url = checkWebhookUrl(input.url, parseAllowlist(deps.config.upstream.egressAllowlist));
  const parsed = await checkedDocument(deps, schema, viewer, input.document, input.variables);
  const id = newId("hook");
  const secret = newWebhookSecret();
  const webhook = await deps.db.webhook.create({
    data: {
      id,
      organizationId: viewer.organizationId,
      url,
      document: input.document,
      variables: (input.variables ?? undefined) as Prisma.InputJsonValue | undefined,
      connectorId: parsed.connectorId,
      description: checkedDescription(input.description),
      enabled: input.enabled ?? true,
      secretEnc: deps.secrets.seal("Webhook.secretEnc", id, secret),
      viaApiKey: viewer.apiKeyId !== null,
      apiKeyId: viewer.apiKeyId,
      userId: viewer.userId,
    },
  });
  return { webhook, secret };
}

/**
 * Changes what is given. A new document is checked with its variables (the stored ones unless new
 * ones come). The principal stays the one that registered it: whose visibility deliveries have
 * does not move to whoever edits the description.
 */
export async function updateWebhook(deps: Deps, schema: GraphQLSchema, viewer: Viewer, id: string, input: WebhookInput): Promise<Webhook> {
  const hook = await manageableWebhook(deps, viewer, id);
  const data: Prisma.WebhookUpdateManyMutationInput & { connectorId?: string | null } = {};
  if (input.url != null) data.url = checkWebhookUrl(input.url, parseAllowlist(deps.config.upstream.egressAllowlist));
  if (input.document != null || input.variables !== undefined) {
    const variables = input.variables !== undefined ? input.variables : (hook.variables as Record<string, unknown> | null);
    const parsed = await checkedDocument(deps, schema, viewer, input.document ?? hook.document, variables);
    data.document = input.document ?? hook.document;
    data.variables = (variables ?? null) as Prisma.InputJsonValue;
    data.connectorId = parsed.connectorId;
  }
  if (input.description !== undefined) data.description = checkedDescription(input.description);
  if (input.enabled != null) data.enabled = input.enabled;
  // compare-and-set on version: of two edits at once, the later one is told the webhook changed
  const { count } = await deps.db.webhook.updateMany({ where: { id: hook.id, version: hook.version }, data: { ...data, version: hook.version + 1 } });
  if (!count) throw new ValidationError("The webhook changed meanwhile; read it again and retry");
  return deps.db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
}

export async function deleteWebhook(deps: Pick<Deps, "db">, viewer: Viewer, id: string): Promise<string> {
  const hook = await manageableWebhook(deps, viewer, id);
  await deps.db.webhook.deleteMany({ where: { id: hook.id } });
  return hook.id;
}

/** A new secret, effective for the next attempt; the old one stops signing at once. */
export async function rotateWebhookSecret(deps: Deps, viewer: Viewer, id: string): Promise<WithSecret> {
  const hook = await manageableWebhook(deps, viewer, id);
  const secret = newWebhookSecret();
  const webhook = await deps.db.webhook.update({
    where: { id: hook.id },
    data: { secretEnc: deps.secrets.seal("Webhook.secretEnc", hook.id, secret), version: { increment: 1 } },
  });
  return { webhook, secret };
}
