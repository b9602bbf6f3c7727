import type { ConnectorEventKind } from "../generated/prisma/enums.js";

/** The one map of pub/sub topics. Payloads carry ids, never entities: subscribers re-load. */
export interface ConnectorEventMessage {
  eventId: string;
  seq: string;
  connectorId: string;
  kind: ConnectorEventKind;
  version: number;
}

export interface PersonalConfigurationMessage {
  personalConfigurationId: string;
  version: number;
  deleted: boolean;
}

export type Topics = {
  /** every connector event of one organization */
  "connector-events": [organizationId: string, message: ConnectorEventMessage];
  "personal-configuration": [id: string, message: PersonalConfigurationMessage];
};
