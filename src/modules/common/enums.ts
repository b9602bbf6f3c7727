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
  values: {
    CREATED: { description: "made by createConnector and never connected since" },
    AUTH_REQUIRED: { description: "an OAuth consent was started and waits for the browser: see authRequest" },
    CONNECTED: { description: "the server accepted the credentials and answered as MCP: agents may use it" },
    DISCONNECTED: { description: "disconnectConnector wiped its credentials; connectConnector connects it again" },
    AUTH_FAILED: { description: "the server or the provider refused the credentials or the consent; connect again with new ones" },
    TOKEN_EXPIRED: { description: "the OAuth token expired and could not be refreshed; connect again" },
    ERROR: {
      description: "the server failed HEALTH_FAILURES checks in a row, or did not answer as MCP on connect; a later successful check brings it back",
    },
  },
});
export const ConnectorScopeEnum = builder.enumType(ConnectorScope, {
  name: "ConnectorScope",
  description: "TEAM connectors are shared with the organization; PERSONAL ones belong to their creator",
  values: {
    TEAM: { description: "shared with the whole organization; only ADMINs create and change it" },
    PERSONAL: { description: "visible to its creator alone (the person, or the API key that has no person), who manages it" },
  },
});
export const AuthTypeEnum = builder.enumType(AuthType, {
  name: "AuthType",
  description: "How a service authenticates",
  values: {
    OAUTH: { description: "an OAuth 2 consent in the browser (connectConnector returns an authRequest), or an accessToken already held" },
    OAUTH_ADMIN_CONSENT: { description: "like OAUTH, but the provider wants an administrator of the account to consent" },
    API_TOKEN: { description: "an API key (connectConnector's apiKey)" },
    BEARER: { description: "a bearer token sent as is (connectConnector's accessToken)" },
    USERNAME_PASSWORD: { description: "HTTP Basic with a username and a password" },
    NONE: { description: "no credentials: the server is open" },
  },
});
export const CredentialTypeEnum = builder.enumType(CredentialType, {
  name: "CredentialType",
  description: "The kind of credentials a personal configuration holds",
  values: {
    API_KEY: { description: "an API key (CredentialsInput.apiKey)" },
    OAUTH2: { description: "OAuth 2 tokens, refreshed before they expire when a refresh token was given (CredentialsInput.oauth2)" },
    BEARER: { description: "a bearer token sent as is (CredentialsInput.bearerToken)" },
    BASIC: { description: "a username and a password for HTTP Basic" },
  },
});
export const ToolTypeEnum = builder.enumType(ToolType, {
  name: "ToolType",
  description: "WRITE tools need approval in chat; READ tools run at once",
  values: {
    READ: { description: "only reads (readOnlyHint, or the catalog says so): runs without asking" },
    WRITE: { description: "may change something upstream: the agent platform asks the person before it runs" },
  },
});
export const HealthStatusEnum = builder.enumType(HealthStatus, {
  name: "HealthStatus",
  description: "Result of the last test",
  values: {
    HEALTHY: { description: "the last test or periodic check reached the server with these credentials" },
    UNHEALTHY: { description: "the last test or check failed: lastError says why" },
    UNKNOWN: { description: "not tested since it was created or its configuration or credentials changed" },
  },
});
export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  description: "ADMINs manage TEAM connectors",
  values: {
    ADMIN: { description: "creates, changes and deletes the organization's TEAM connectors" },
    MEMBER: { description: "uses TEAM connectors and manages only their own PERSONAL ones" },
  },
});
export const ConnectorEventKindEnum = builder.enumType(ConnectorEventKind, {
  name: "ConnectorEventKind",
  description: "What happened to a connector",
  values: {
    CREATED: { description: "createConnector made it (previousState is null)" },
    UPDATED: { description: "its name, configuration, metadata or flags changed, its state did not" },
    STATE_CHANGED: { description: "its state moved (previousState to state), whatever else changed with it" },
    TOOLS_CHANGED: { description: "its tools changed (discovery, setToolDisabled) and its state did not" },
    DELETED: { description: "deleteConnector removed it (state is null; the connector field is null from now on)" },
  },
});
export const InstallStatusEnum = builder.enumType("InstallStatus", {
  description: "A catalog entry's install, as the catalog page shows it",
  values: {
    CONNECTED: { description: "the connector is CONNECTED" },
    DISCONNECTED: { description: "CREATED, AUTH_REQUIRED or DISCONNECTED: not connected, nothing failed" },
    ERROR: { description: "AUTH_FAILED, TOKEN_EXPIRED or ERROR: something failed; statusReason says what" },
  } as const,
});
export const OrderDirectionEnum = builder.enumType("OrderDirection", {
  description: "Which way a sort goes",
  values: {
    ASC: { description: "smallest, oldest or A first" },
    DESC: { description: "largest, newest or Z first" },
  } as const,
});
