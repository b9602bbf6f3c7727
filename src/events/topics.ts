import type { ConnectorEventKind, ConnectorScope, ConnectorState } from "../generated/prisma/enums.js";

/**
 * The one map of pub/sub topics. A connector event message carries the whole event row (it is
 * small), so that fanning it out to thousands of subscribers needs no query: each subscriber checks
 * visibility on the row's own org/scope/owner columns. Messages cross Redis as JSON, hence strings
 * for `seq` (a BigInt) and `at`.
 */
export interface ConnectorEventMessage {
  id: string;
  seq: string;
  connectorId: string;
  organizationId: string;
  scope: ConnectorScope;
  ownerUserId: string | null;
  ownerApiKeyId: string | null;
  kind: ConnectorEventKind;
  previousState: ConnectorState | null;
  state: ConnectorState | null;
  version: number;
  actorId: string | null;
  toolChanges?: unknown;
  at: string;
}

/** Personal configurations keep no event rows: the subscriber re-loads the configuration. */
export interface PersonalConfigurationMessage {
  personalConfigurationId: string;
  version: number;
  deleted: boolean;
}

export type Topics = {
  /** every connector event of one organization (subscribers filter by connector locally) */
  "connector-events": [organizationId: string, message: ConnectorEventMessage];
  "personal-configuration": [id: string, message: PersonalConfigurationMessage];
  /** a connector's credentials changed without an event (a token refreshed): readers drop their copies */
  "connector-credentials": [all: "all", message: { connectorId: string }];
  /** keys revoked and users deactivated: every instance drops them from its viewer cache at once */
  revocations: [all: "all", message: { apiKeyIds: string[]; userIds: string[] }];
};
