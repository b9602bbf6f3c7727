import { presetToolRows } from "../../src/connectors/create.js";
import { writeEvent } from "../../src/connectors/events.js";
import { newHandle } from "../../src/connectors/handle.js";
import { randomBytes } from "node:crypto";
import { prisma } from "./database.js";
import { newId } from "../../src/db/ids.js";
import type { Connector, ConnectorTool, Prisma } from "../../src/generated/prisma/client.js";
import type {
  ConnectorEventKind,
  ConnectorScope,
  ConnectorState,
  HealthStatus,
  ToolType,
} from "../../src/generated/prisma/enums.js";
import { type Actor, createActor, createOrganization } from "./server.js";

/**
 * Rows inserted straight through Prisma, for the read-side tests that need data the mutations do
 * not make yet. Each builder takes what a test cares about and defaults the rest.
 */

export interface ToolSpec {
  name: string;
  label?: string;
  description?: string | null;
  type?: ToolType;
  requiresConfirmation?: boolean;
  disabled?: boolean;
  pendingReview?: boolean;
  inputSchema?: unknown;
}

export interface ConnectorSpec {
  /** the preset to copy url, authType and tools from; null for a custom MCP server */
  presetSlug?: string | null;
  scope?: ConnectorScope;
  createdById?: string | null;
  ownerApiKeyId?: string | null;
  state?: ConnectorState;
  type?: string;
  name?: string;
  /** made from the name as creation makes it, unless given */
  handle?: string;
  metadata?: Record<string, unknown> | null;
  configuration?: Record<string, unknown> | null;
  isActive?: boolean;
  agentEnabled?: boolean;
  statusReason?: string | null;
  createdAt?: Date;
  updatedAt?: Date;
  /** replaces the preset's tools */
  tools?: ToolSpec[];
  /** names of copied tools to turn off */
  disabledTools?: string[];
}

export type ConnectorRow = Connector & { tools: ConnectorTool[] };

const json = (value: Record<string, unknown> | null | undefined) => (value ?? undefined) as Prisma.InputJsonValue | undefined;

/** A connector as creation makes one: the preset's tools copied into ConnectorTool rows. */
export async function connector(organizationId: string, spec: ConnectorSpec = {}): Promise<ConnectorRow> {
  const slug = spec.presetSlug === undefined ? "github" : spec.presetSlug;
  const preset = slug
    ? await prisma.preset.findUniqueOrThrow({ where: { slug }, include: { tools: { orderBy: { position: "asc" } } } })
    : null;
  const disabled = new Set(spec.disabledTools ?? []);
  // the preset's tools as creation copies them (the domain's own rule), or the tools a test names
  const tools = spec.tools
    ? spec.tools.map((t, position) => ({
        id: newId("tool"),
        name: t.name,
        label: t.label ?? t.name,
        description: t.description ?? null,
        type: t.type ?? "READ",
        requiresConfirmation: t.requiresConfirmation ?? t.type === "WRITE",
        disabled: t.disabled ?? false,
        pendingReview: t.pendingReview ?? false,
        inputSchema: json(t.inputSchema as Record<string, unknown> | null),
        position,
      }))
    : presetToolRows(preset);
  const name = spec.name ?? `${preset?.name ?? "Custom"} ${randomBytes(3).toString("hex")}`;
  return prisma.connector.create({
    data: {
      id: newId("conn"),
      organizationId,
      type: spec.type ?? preset?.slug ?? "mcp",
      name,
      handle: spec.handle ?? (await newHandle(prisma, organizationId, name)),
      url: preset?.mcpUrl ?? "https://mcp.example.test/mcp",
      presetId: preset?.id ?? null,
      scope: spec.scope ?? "TEAM",
      createdById: spec.createdById ?? null,
      ownerApiKeyId: spec.ownerApiKeyId ?? null,
      authType: preset?.authType ?? "NONE",
      state: spec.state ?? "CREATED",
      statusReason: spec.statusReason ?? null,
      isActive: spec.isActive ?? true,
      agentEnabled: spec.agentEnabled ?? true,
      metadata: json(spec.metadata),
      configuration: json(spec.configuration),
      createdAt: spec.createdAt,
      updatedAt: spec.updatedAt,
      tools: { create: tools.map((t) => ({ ...t, disabled: t.disabled || disabled.has(t.name) })) },
    },
    include: { tools: { orderBy: { position: "asc" } } },
  });
}

export interface PersonalConfigurationSpec {
  userId?: string | null;
  apiKeyId?: string | null;
  presetSlug?: string;
  name?: string;
  enabled?: boolean;
  healthStatus?: HealthStatus;
  metadata?: Record<string, unknown> | null;
  createdAt?: Date;
}

export async function personalConfiguration(organizationId: string, spec: PersonalConfigurationSpec = {}) {
  const preset = await prisma.preset.findUniqueOrThrow({ where: { slug: spec.presetSlug ?? "github" } });
  return prisma.personalConfiguration.create({
    data: {
      id: newId("pconf"),
      organizationId,
      userId: spec.userId ?? null,
      apiKeyId: spec.apiKeyId ?? null,
      presetId: preset.id,
      name: spec.name ?? `My ${preset.name}`,
      configuration: {},
      enabled: spec.enabled ?? true,
      healthStatus: spec.healthStatus ?? "UNKNOWN",
      metadata: json(spec.metadata),
      createdAt: spec.createdAt,
    },
  });
}

export interface EventSpec {
  kind?: ConnectorEventKind;
  previousState?: ConnectorState | null;
  state?: ConnectorState | null;
  version?: number;
  actorId?: string | null;
}

/** An audit-trail entry carrying the connector's visibility, as the outbox writes it. */
export async function connectorEvent(c: Connector, spec: EventSpec = {}) {
  const at = { ...c, state: spec.state ?? c.state, version: spec.version ?? c.version };
  return writeEvent(prisma, at, spec.kind ?? "UPDATED", spec.previousState ?? null, spec.actorId ?? null);
}

/** A pending OAuth flow, so that an AUTH_REQUIRED connector has an authRequest. */
export async function pendingAuthorization(c: Connector, authorizationUrl = "https://auth.example.test/authorize?x=1") {
  return prisma.oAuthAuthorization.create({
    data: {
      id: newId("oauth"),
      connectorId: c.id,
      stateHash: randomBytes(32).toString("hex"),
      codeVerifierEnc: "test-ciphertext",
      authorizationUrl,
      server: {},
      expiresAt: new Date(Date.now() + 10 * 60_000),
    },
  });
}

export interface Team {
  organizationId: string;
  /** ADMIN with a user */
  alice: Actor;
  /** MEMBER with a user */
  bob: Actor;
  /** an organization key that belongs to no user */
  orgKey: Actor;
}

/** A fresh organization with two people and an organization key. */
export async function team(): Promise<Team> {
  const { id: organizationId } = await createOrganization();
  const [alice, bob, orgKey] = await Promise.all([
    createActor({ organizationId, role: "ADMIN" }),
    createActor({ organizationId, role: "MEMBER" }),
    createActor({ organizationId, role: "ADMIN", withUser: false }),
  ]);
  return { organizationId, alice, bob, orgKey };
}

/** Distinct, increasing timestamps for rows whose order a test asserts. */
export const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
