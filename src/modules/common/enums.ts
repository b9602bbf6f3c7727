import { builder } from "../../builder.js";
import {
  AuthType,
  ConnectorEventKind,
  ConnectorScope,
  ConnectorState,
  CredentialType,
  HealthStatus,
  Role,
  ToolType,
} from "../../generated/prisma/enums.js";

export const ConnectorStateEnum = builder.enumType(ConnectorState, {
  name: "ConnectorState",
  description: "Where a connector is in its lifecycle",
});
export const ConnectorScopeEnum = builder.enumType(ConnectorScope, {
  name: "ConnectorScope",
  description: "TEAM connectors are shared with the organization; PERSONAL ones belong to their creator",
});
export const AuthTypeEnum = builder.enumType(AuthType, { name: "AuthType", description: "How a service authenticates" });
export const CredentialTypeEnum = builder.enumType(CredentialType, {
  name: "CredentialType",
  description: "The kind of credentials a personal configuration holds",
});
export const ToolTypeEnum = builder.enumType(ToolType, {
  name: "ToolType",
  description: "WRITE tools need approval in chat; READ tools run at once",
});
export const HealthStatusEnum = builder.enumType(HealthStatus, { name: "HealthStatus", description: "Result of the last test" });
export const RoleEnum = builder.enumType(Role, { name: "Role", description: "ADMINs manage TEAM connectors" });
export const ConnectorEventKindEnum = builder.enumType(ConnectorEventKind, {
  name: "ConnectorEventKind",
  description: "What happened to a connector",
});
export const InstallStatusEnum = builder.enumType("InstallStatus", {
  description: "A catalog entry's install, as the catalog page shows it",
  values: ["CONNECTED", "DISCONNECTED", "ERROR"] as const,
});
export const OrderDirectionEnum = builder.enumType("OrderDirection", { values: ["ASC", "DESC"] as const });
