import type { GraphQLSchema } from "graphql";
import type { Viewer } from "../auth/viewer.js";
import { newId } from "../db/ids.js";
import { toMessage } from "../events/publish.js";
import type { ConnectorEvent, Prisma, WebhookDelivery } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { parseWebhookDocument } from "./document.js";
import { manageableWebhook } from "./manage.js";

/**
 * A made-up UPDATED event of a TEAM connector (the document's, when it names one), queued for the
 * webhook like a real one and marked as a test: the receiver gets the document's result for it,
 * signed and retried the same way. It is sent whatever the document's filter says.
 */
export async function sendTestWebhookEvent(deps: Pick<CoreServices, "db" | "secrets" | "config">, schema: GraphQLSchema, viewer: Viewer, id: string): Promise<WebhookDelivery> {
  const hook = await manageableWebhook(deps, viewer, id);
  const parsed = parseWebhookDocument(schema, hook.document, hook.variables as Record<string, unknown> | null);
  const event: ConnectorEvent = {
    id: newId("evt"),
    seq: 0n,
    connectorId: parsed.connectorId ?? newId("conn"),
    organizationId: hook.organizationId,
    scope: "TEAM",
    ownerUserId: null,
    ownerApiKeyId: null,
    kind: "UPDATED",
    previousState: "CONNECTED",
    state: "CONNECTED",
    version: 1,
    actorId: null,
    toolChanges: null,
    at: new Date(),
  };
  return deps.db.webhookDelivery.create({
    data: {
      id: newId("whd"),
      webhookId: hook.id,
      organizationId: hook.organizationId,
      connectorId: event.connectorId,
      test: true,
      testEvent: toMessage(event) as unknown as Prisma.InputJsonObject,
    },
  });
}
