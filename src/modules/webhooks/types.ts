import { isAdmin, type Viewer } from "../../auth/viewer.js";
import { builder } from "../../builder.js";
import { WebhookDeliveryStatus } from "../../generated/prisma/enums.js";
import type { AttemptRecord } from "../../webhooks/deliver.js";
import { cursorId, pageOptionsOf } from "../common/pagination.js";

/** Webhooks and their deliveries are the organization's, and only its ADMINs see them. */
const isOrganizationAdmin = (o: { organizationId: string }, viewer: Viewer) => o.organizationId === viewer.organizationId && isAdmin(viewer);

export const WebhookDeliveryStatusEnum = builder.enumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a webhook delivery is",
  values: {
    PENDING: { description: "queued, not attempted yet" },
    DELIVERED: { description: "the receiver answered 2xx" },
    FAILED: { description: "the last attempt failed; it is retried at nextAttemptAt" },
    EXHAUSTED: { description: "every attempt (WEBHOOK_MAX_ATTEMPTS) failed; it is not retried" },
    SKIPPED: { description: "not sent: the event does not match the document, or the webhook's principal is gone (lastError says which)" },
  },
});

const WebhookAttemptType = builder.objectRef<AttemptRecord>("WebhookAttempt").implement({
  description: "One attempt of a delivery",
  fields: (t) => ({
    at: t.field({ type: "DateTime", description: "when the attempt ended", resolve: (a) => new Date(a.at) }),
    statusCode: t.exposeInt("statusCode", { nullable: true, description: "the receiver's HTTP status; null when it gave none" }),
    error: t.exposeString("error", { nullable: true, description: "why it failed, in Plugboard's words (never the receiver's body); null when delivered" }),
    durationMs: t.exposeInt("durationMs", { description: "how long the attempt took" }),
  }),
});

const WebhookDeliveryFilterInput = builder.inputType("WebhookDeliveryFilter", {
  description: "Narrows a webhook's deliveries",
  fields: (t) => ({
    status: t.field({ type: [WebhookDeliveryStatusEnum], description: "any of these statuses" }),
  }),
});

export const WebhookDeliveryType = builder.prismaNode("WebhookDelivery", {
  description: "One event on its way to one webhook, with its outcome",
  id: { field: "id" },
  authScopes: (d, ctx) => isOrganizationAdmin(d, ctx.viewer),
  fields: (t) => ({
    webhook: t.relation("webhook", { description: "the webhook it goes to" }),
    eventId: t.exposeID("eventId", {
      nullable: true,
      description: "the connector event delivered (load it with node, as its visibility allows); null for a test delivery",
    }),
    connectorId: t.exposeID("connectorId", { description: "the connector whose event it is (a made-up one for a test delivery without a connector)" }),
    test: t.exposeBoolean("test", { description: "made by sendTestWebhookEvent" }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum, description: "where the delivery stands: PENDING, DELIVERED, FAILED (retrying), EXHAUSTED or SKIPPED" }),
    attempts: t.exposeInt("attempts", { description: "attempts made so far" }),
    lastStatusCode: t.exposeInt("lastStatusCode", { nullable: true, description: "the receiver's status at the last attempt" }),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "why the last attempt failed or why it was skipped, in Plugboard's words; never the receiver's body",
    }),
    attemptHistory: t.field({
      type: [WebhookAttemptType],
      description: "every attempt, oldest first",
      resolve: (d) => d.history as unknown as AttemptRecord[],
    }),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "when it is attempted next; null once DELIVERED, EXHAUSTED or SKIPPED",
      resolve: (d) => (d.status === "PENDING" || d.status === "FAILED" ? d.nextAttemptAt : null),
    }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true, description: "when the receiver answered 2xx" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it was queued (with its event's transaction)" }),
  }),
});

export const WebhookType = builder.prismaNode("Webhook", {
  description: "An endpoint that receives connector events as the result of its own subscription document, signed (Standard Webhooks)",
  id: { field: "id" },
  authScopes: (w, ctx) => isOrganizationAdmin(w, ctx.viewer),
  fields: (t) => ({
    url: t.exposeString("url", { description: "where deliveries are POSTed" }),
    document: t.exposeString("document", { description: "the subscription on connectorEvents whose result each delivery carries" }),
    variables: t.field({
      type: "JSONObject",
      nullable: true,
      description: "the document's variables",
      resolve: (w) => (w.variables as Record<string, unknown> | null) ?? null,
    }),
    description: t.exposeString("description", { nullable: true, description: "free text for people" }),
    enabled: t.exposeBoolean("enabled", { description: "a disabled webhook gets no new deliveries, and its queued ones are skipped" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it was registered" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when it last changed" }),
    deliveries: t.relatedConnection(
      "deliveries",
      {
        cursor: "id",
        ...pageOptionsOf("whd"),
        description: "its deliveries, newest first",
        args: { filter: t.arg({ type: WebhookDeliveryFilterInput, description: "narrows the list" }) },
        // as Connector.toolCalls: a cursor of another webhook's delivery gives an empty page
        query: (args) => {
          const id = cursorId(args as { after?: string | null; before?: string | null }, "whd");
          const where = args.filter?.status ? { status: { in: args.filter.status } } : {};
          return { where: id ? { AND: [where, { webhook: { deliveries: { some: { id } } } }] } : where, orderBy: { seq: "desc" as const } };
        },
        totalCount: true,
      },
      { name: "WebhookDeliveryConnection", description: "A page of a webhook's deliveries" },
      { name: "WebhookDeliveryEdge", description: "A delivery and its cursor" },
    ),
  }),
});
