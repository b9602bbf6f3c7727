import { prisma } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { type Connector, type ConnectorTool, Prisma } from "../../generated/prisma/client.js";
import { METADATA_LIMITS, NAME_MAX, checkJsonObject, checkText, throwIfInvalid } from "../common/input-rules.js";
import { checkConfiguration, urlFollowsConfiguration } from "./configuration.js";
import { type RequestContext, changeAsViewer, manageableConnector } from "./service.js";

type Ctx = Pick<RequestContext, "viewer" | "pubsub">;

export interface UpdateConnectorInput {
  id: string;
  name?: string | null;
  /** null clears it */
  configuration?: Record<string, unknown> | null;
  /** null clears it */
  metadata?: Record<string, unknown> | null;
  isActive?: boolean | null;
  syncEnabled?: boolean | null;
  agentEnabled?: boolean | null;
}

const json = (v: Record<string, unknown> | null) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonObject));

/**
 * Renames or reconfigures a connector. A new configuration is checked against the preset again and
 * decides isConfigured (and the URL, for presets whose URL is a template). An input that names no
 * field changes nothing, so it bumps no version.
 */
export async function updateConnector(ctx: Ctx, input: UpdateConnectorInput): Promise<Connector> {
  const data: Prisma.ConnectorUpdateManyMutationInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.metadata !== undefined) data.metadata = json(input.metadata);
  for (const flag of ["isActive", "syncEnabled", "agentEnabled"] as const) {
    if (input[flag] != null) data[flag] = input[flag];
  }
  if (!Object.keys(data).length && input.configuration === undefined) return manageableConnector(ctx.viewer, input.id);
  throwIfInvalid([
    ...checkText(input.name, ["input", "name"], NAME_MAX, input.name != null),
    ...checkJsonObject(input.metadata, ["input", "metadata"], METADATA_LIMITS),
  ]);
  return changeAsViewer({
    ...ctx,
    id: input.id,
    decide: async (c) => {
      if (input.configuration === undefined) return { kind: "UPDATED", data };
      const preset = c.presetId ? await prisma.preset.findUnique({ where: { id: c.presetId } }) : null;
      const outcome = checkConfiguration(preset, input.configuration);
      throwIfInvalid(outcome.problems);
      const url = urlFollowsConfiguration(preset) && outcome.url ? { url: outcome.url } : {};
      return { kind: "UPDATED", data: { ...data, ...url, configuration: json(input.configuration), isConfigured: outcome.isConfigured } };
    },
  });
}

export interface SetToolDisabledInput {
  connectorId: string;
  toolName: string;
  disabled: boolean;
}

/** Turns one of the connector's tools off or on; turning it on also approves a pending review. */
export async function setToolDisabled(ctx: Ctx, input: SetToolDisabledInput): Promise<{ tool: ConnectorTool; connector: Connector }> {
  let toolId = "";
  const connector = await changeAsViewer({
    ...ctx,
    id: input.connectorId,
    decide: async (c) => {
      const tool = await prisma.connectorTool.findUnique({ where: { connectorId_name: { connectorId: c.id, name: input.toolName } } });
      if (!tool) throw new NotFoundError(null, `tool "${input.toolName.slice(0, 100)}" on connector ${c.id}`);
      toolId = tool.id;
      return {
        kind: "TOOLS_CHANGED",
        also: (tx) =>
          tx.connectorTool.update({
            where: { id: tool.id },
            data: input.disabled ? { disabled: true } : { disabled: false, pendingReview: false },
          }),
      };
    },
  });
  return { tool: await prisma.connectorTool.findUniqueOrThrow({ where: { id: toolId } }), connector };
}
