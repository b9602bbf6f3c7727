import type { Viewer } from "../auth/viewer.js";
import { NotFoundError } from "../errors.js";
import { type Connector, type ConnectorTool, Prisma } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { METADATA_LIMITS, NAME_MAX, checkJsonObject, checkText, throwIfInvalid } from "../validation/input-rules.js";
import { changeAsViewer, manageableConnector } from "./access.js";
import { checkConfiguration, urlFollowsConfiguration } from "./configuration.js";

type Deps = Pick<CoreServices, "db" | "pubsub">;

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
export async function updateConnector(services: Deps, viewer: Viewer, input: UpdateConnectorInput): Promise<Connector> {
  const data: Prisma.ConnectorUpdateManyMutationInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.metadata !== undefined) data.metadata = json(input.metadata);
  for (const flag of ["isActive", "syncEnabled", "agentEnabled"] as const) {
    if (input[flag] != null) data[flag] = input[flag];
  }
  if (!Object.keys(data).length && input.configuration === undefined) return manageableConnector(services.db, viewer, input.id);
  throwIfInvalid([
    ...checkText(input.name, ["input", "name"], NAME_MAX, input.name != null),
    ...checkJsonObject(input.metadata, ["input", "metadata"], METADATA_LIMITS),
  ]);
  return changeAsViewer(services, viewer, {
    id: input.id,
    decide: async (c) => {
      if (input.configuration === undefined) return { data };
      const preset = c.presetId ? await services.db.preset.findUnique({ where: { id: c.presetId } }) : null;
      const outcome = checkConfiguration(preset, input.configuration);
      throwIfInvalid(outcome.problems);
      const url = urlFollowsConfiguration(preset) && outcome.url ? { url: outcome.url } : {};
      return { data: { ...data, ...url, configuration: json(input.configuration), isConfigured: outcome.isConfigured } };
    },
  });
}

export interface SetToolDisabledInput {
  connectorId: string;
  toolName: string;
  disabled: boolean;
}

/** Turns one of the connector's tools off or on; turning it on also approves a pending review. */
export async function setToolDisabled(services: Deps, viewer: Viewer, input: SetToolDisabledInput): Promise<{ tool: ConnectorTool; connector: Connector }> {
  let toolId = "";
  const connector = await changeAsViewer(services, viewer, {
    id: input.connectorId,
    decide: async (c) => {
      const tool = await services.db.connectorTool.findUnique({ where: { connectorId_name: { connectorId: c.id, name: input.toolName } } });
      if (!tool) throw new NotFoundError(null, `tool "${input.toolName.slice(0, 100)}" on connector ${c.id}`);
      toolId = tool.id;
      return {
        toolsChanged: true,
        also: (tx) =>
          tx.connectorTool.update({
            where: { id: tool.id },
            data: input.disabled ? { disabled: true } : { disabled: false, pendingReview: false },
          }),
      };
    },
  });
  return { tool: await services.db.connectorTool.findUniqueOrThrow({ where: { id: toolId } }), connector };
}
