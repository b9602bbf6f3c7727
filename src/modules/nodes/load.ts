import { brandWithType } from "@pothos/core";
import { isAdmin, type Viewer } from "../../auth/viewer.js";
import {
  canSee,
  canSeeConnector,
  visibleConnectorsWhere,
  visiblePersonalConfigurationsWhere,
} from "../../auth/visibility.js";
import { visibleApiKeysWhere, visibleAuditEventsWhere, visibleUsersWhere } from "../../administration/visibility.js";
import type { Db } from "../../db/client.js";
import { idPrefix } from "../../db/ids.js";

/** Loads any Node by its prefixed id, or null when it is malformed, unknown or invisible. */
export async function loadNode(db: Db, viewer: Viewer, id: string): Promise<unknown> {
  const brand = <T extends object>(typename: string, value: T | null) => {
    if (value) brandWithType(value, typename as never);
    return value;
  };
  switch (idPrefix(id)) {
    case "org":
      return id === viewer.organizationId ? brand("Organization", await db.organization.findUnique({ where: { id } })) : null;
    case "user":
      return brand("User", await db.user.findFirst({ where: { AND: [{ id }, visibleUsersWhere(viewer)] } }));
    case "key":
      return brand("ApiKey", await db.apiKey.findFirst({ where: { AND: [{ id }, visibleApiKeysWhere(viewer)] } }));
    case "audit":
      return brand("AuditEvent", await db.auditEvent.findFirst({ where: { AND: [{ id }, visibleAuditEventsWhere(viewer)] } }));
    case "pset":
      return brand("Preset", await db.preset.findUnique({ where: { id } }));
    case "conn":
      return brand("Connector", await db.connector.findFirst({ where: { id, ...visibleConnectorsWhere(viewer) } }));
    case "pconf":
      return brand(
        "PersonalConfiguration",
        await db.personalConfiguration.findFirst({ where: { id, ...visiblePersonalConfigurationsWhere(viewer) } }),
      );
    case "evt": {
      const e = await db.connectorEvent.findUnique({ where: { id } });
      return e && canSee(viewer, e) ? brand("ConnectorEvent", e) : null;
    }
    case "call": {
      const call = await db.toolCall.findUnique({ where: { id } });
      return call && canSee(viewer, call) ? brand("ToolCall", call) : null;
    }
    case "tool": {
      const own = await db.connectorTool.findUnique({ where: { id }, include: { connector: true } });
      if (own) {
        const { connector, ...tool } = own;
        return canSeeConnector(viewer, connector) ? brand("Tool", tool) : null;
      }
      return brand("Tool", await db.presetTool.findUnique({ where: { id } }));
    }
    // webhooks are the organization's, seen by its ADMINs only
    case "hook":
      return isAdmin(viewer) ? brand("Webhook", await db.webhook.findFirst({ where: { id, organizationId: viewer.organizationId } })) : null;
    case "whd":
      return isAdmin(viewer)
        ? brand("WebhookDelivery", await db.webhookDelivery.findFirst({ where: { id, organizationId: viewer.organizationId } }))
        : null;
    default:
      return null;
  }
}
