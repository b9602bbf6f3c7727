/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess { key apiKey { id name role prefix createdAt revokedAt user { id email } } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      __typename\n      ... on RevokeApiKeySuccess { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { id email name role deactivatedAt } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(input: { id: $id, role: $role }) {\n      __typename\n      ... on UpdateUserRoleSuccess { user { id role } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(input: { id: $id }) {\n      __typename\n      ... on DeactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(input: { id: $id }) {\n      __typename\n      ... on ReactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name role prefix revokedAt user { id } }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes { id email role deactivatedAt }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetType targetId details createdAt actorApiKey { id } actorUser { id } }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AdminNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on ApiKey { prefix role }\n      ... on User { email }\n      ... on AuditEvent { action }\n    }\n  }\n": typeof types.AdminNodesDocument,
    "\n  query AdministrationMe { viewer { role user { id } organization { id } } }\n": typeof types.AdministrationMeDocument,
    "\n  query ShippedCatalog {\n    presets(first: 100) {\n      totalCount\n      edges { node { id slug name mcpUrl configSchema enabled tools { type requiresConfirmation } } }\n    }\n  }\n": typeof types.ShippedCatalogDocument,
    "\n  query CatalogPresetBySlug($slug: String!) {\n    preset(slug: $slug) { id slug description tools { id name description type requiresConfirmation } }\n  }\n": typeof types.CatalogPresetBySlugDocument,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError { fieldErrors { path message } }\n    ... on InvalidStateError { state }\n    ... on NotFoundError { id requestedId }\n  }\n": typeof types.MutationErrorFragmentDoc,
    "\n  fragment ConnectorFields on Connector {\n    id type name url scope authType state statusReason disconnectReason\n    isActive isConfigured isAuthenticated syncEnabled agentEnabled\n    configuration metadata version lastSyncAt lastError createdAt updatedAt\n    preset { slug }\n    createdBy { id }\n    tools { id name disabled pendingReview }\n    authRequest { authorizationUrl }\n  }\n": typeof types.ConnectorFieldsFragmentDoc,
    "\n  mutation CreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.CreateConnectorDocument,
    "\n  mutation UpdateConnector($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.UpdateConnectorDocument,
    "\n  mutation DeleteConnector($input: DeleteConnectorInput!) {\n    deleteConnector(input: $input) { __typename ... on DeleteConnectorSuccess { deletedId } ...MutationError }\n  }\n": typeof types.DeleteConnectorDocument,
    "\n  mutation ConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.ConnectConnectorDocument,
    "\n  mutation DisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.DisconnectConnectorDocument,
    "\n  mutation SetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { id name disabled pendingReview } connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.SetToolDisabledDocument,
    "\n  mutation RefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.RefreshConnectorToolsDocument,
    "\n  mutation CheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": typeof types.CheckConnectorHealthDocument,
    "\n  query ConnectorHistory($id: ID!) {\n    connector(id: $id) {\n      ...ConnectorFields\n      events(first: 100) { totalCount edges { node { id kind previousState state version actor { id } } } }\n    }\n  }\n": typeof types.ConnectorHistoryDocument,
    "\n  fragment McpConnectorFields on Connector {\n    id state statusReason lastError isAuthenticated authType version lastSyncAt updatedAt\n    tools { id name label description type requiresConfirmation disabled pendingReview inputSchema }\n  }\n": typeof types.McpConnectorFieldsFragmentDoc,
    "\n  fragment McpMutationError on Error {\n    __typename\n    message\n    ... on UpstreamError { reason left: connectorAfter { ...McpConnectorFields } }\n    ... on InvalidStateError { state }\n    ... on ValidationError { fieldErrors { path message } }\n  }\n": typeof types.McpMutationErrorFragmentDoc,
    "\n  mutation McpCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": typeof types.McpCreateConnectorDocument,
    "\n  mutation McpConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": typeof types.McpConnectConnectorDocument,
    "\n  mutation McpRefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": typeof types.McpRefreshConnectorToolsDocument,
    "\n  mutation McpCheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": typeof types.McpCheckConnectorHealthDocument,
    "\n  mutation McpSetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { name disabled pendingReview } connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": typeof types.McpSetToolDisabledDocument,
    "\n  query McpConnector($id: ID!) {\n    connector(id: $id) {\n      ...McpConnectorFields\n      events(first: 100) {\n        totalCount\n        edges { node { kind previousState state version actor { id } toolChanges { added removed changed held } } }\n      }\n    }\n  }\n": typeof types.McpConnectorDocument,
    "\n  mutation CreateTypenameOnly($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n": typeof types.CreateTypenameOnlyDocument,
    "\n  mutation CreatePconfForTypename($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n": typeof types.CreatePconfForTypenameDocument,
    "\n  mutation UpdatePconfTypenameOnly($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) { __typename }\n  }\n": typeof types.UpdatePconfTypenameOnlyDocument,
    "\n  query GatewayConnector($id: ID!) {\n    connector(id: $id) { id handle mcpEndpoint state isActive agentEnabled }\n  }\n": typeof types.GatewayConnectorDocument,
    "\n  query GatewayToolCalls($id: ID!, $filter: ToolCallFilter) {\n    connector(id: $id) {\n      toolCalls(first: 50, filter: $filter) {\n        totalCount\n        edges { node { id toolName outcome errorMessage apiKeyId user { id } startedAt durationMs connector { id } } }\n      }\n    }\n  }\n": typeof types.GatewayToolCallsDocument,
    "\n  query GatewayAvailableTools($first: Int, $after: String, $filter: AvailableToolFilter) {\n    availableTools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name tool { name type disabled connector { id } } connector { id handle } } }\n    }\n  }\n": typeof types.GatewayAvailableToolsDocument,
    "\n  query GatewayNode($id: ID!) { node(id: $id) { id ... on ToolCall { toolName outcome } } }\n": typeof types.GatewayNodeDocument,
    "\n  mutation EgressConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { id state } }\n      ... on UpstreamError { message reason left: connectorAfter { id state lastError } }\n      ... on Error { message }\n    }\n  }\n": typeof types.EgressConnectConnectorDocument,
    "\n  fragment OAuthConnectorFields on Connector {\n    id\n    type\n    authType\n    state\n    statusReason\n    version\n    isAuthenticated\n    authRequest { authorizationUrl expiresAt }\n  }\n": typeof types.OAuthConnectorFieldsFragmentDoc,
    "\n  mutation OAuthCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n": typeof types.OAuthCreateConnectorDocument,
    "\n  mutation OAuthConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on UpstreamError { reason connectorAfter { state } }\n      ... on Error { message }\n    }\n  }\n": typeof types.OAuthConnectConnectorDocument,
    "\n  mutation OAuthDisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n": typeof types.OAuthDisconnectConnectorDocument,
    "\n  query OAuthConnector($id: ID!) {\n    connector(id: $id) { ...OAuthConnectorFields }\n  }\n": typeof types.OAuthConnectorDocument,
    "\n  query CliWhoAmI { viewer { role user { email } organization { slug } } }\n": typeof types.CliWhoAmIDocument,
    "\n  mutation KeysCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) { ... on CreateConnectorSuccess { connector { id } } ... on Error { message } }\n  }\n": typeof types.KeysCreateConnectorDocument,
    "\n  mutation KeysConnect($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) { ... on ConnectConnectorSuccess { connector { state } } ... on Error { message } }\n  }\n": typeof types.KeysConnectDocument,
    "\n  query OpsConnector($id: ID!) { connector(id: $id) { id state } }\n": typeof types.OpsConnectorDocument,
    "\n  subscription OpsStateChanged($id: ID!) { connectorStateChanged(id: $id) { id state } }\n": typeof types.OpsStateChangedDocument,
    "\n  mutation OpsCheckHealth($id: ID!) { checkConnectorHealth(id: $id) { __typename } }\n": typeof types.OpsCheckHealthDocument,
    "\n  mutation PossibleTypesRemoveConnector($id: ID!) {\n    deleteConnector(input: { id: $id }) {\n      __typename\n      ... on DeleteConnectorSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n": typeof types.PossibleTypesRemoveConnectorDocument,
    "\n  query OpsViewerRole { viewer { role } }\n": typeof types.OpsViewerRoleDocument,
    "\n  subscription OpsMissingConnector($id: ID!) { connectorStateChanged(id: $id) { id } }\n": typeof types.OpsMissingConnectorDocument,
    "\n  query OpsPage($first: Int) { connectors(first: $first) { totalCount } }\n": typeof types.OpsPageDocument,
    "\n  mutation OpsCreateWithSecret($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n": typeof types.OpsCreateWithSecretDocument,
    "\n  query OpsPersonalConfigurations { personalConfigurations(first: 1) { totalCount } }\n": typeof types.OpsPersonalConfigurationsDocument,
    "\n  query OpsWhoAmI { viewer { role user { email } organization { slug } } }\n": typeof types.OpsWhoAmIDocument,
    "\n  query OpsTraced($id: ID!) { connector(id: $id) { id } }\n": typeof types.OpsTracedDocument,
    "\n  fragment PersonalConfigurationFields on PersonalConfiguration {\n    id name description configuration credentialType hasCredentials credentialsExpireAt enabled\n    healthStatus lastSyncAt lastError metadata createdAt updatedAt apiKeyId\n    user { id }\n    preset { slug }\n  }\n": typeof types.PersonalConfigurationFieldsFragmentDoc,
    "\n  mutation CreatePersonalConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": typeof types.CreatePersonalConfigurationDocument,
    "\n  mutation UpdatePersonalConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": typeof types.UpdatePersonalConfigurationDocument,
    "\n  mutation DeletePersonalConfiguration($id: ID!) {\n    deletePersonalConfiguration(id: $id) { __typename ... on DeletePersonalConfigurationSuccess { deletedId } ...MutationError }\n  }\n": typeof types.DeletePersonalConfigurationDocument,
    "\n  mutation TestPersonalConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) {\n      __typename\n      ... on TestPersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": typeof types.TestPersonalConfigurationDocument,
    "\n  query EdgesAndNodes {\n    presets(first: 3) { edges { node { id slug } } nodes { id slug } }\n    connectors(first: 10) {\n      edges { node { id name } }\n      nodes { id name events(first: 5) { edges { node { id kind } } nodes { id kind } } }\n    }\n    personalConfigurations { edges { node { id name } } nodes { id name } }\n  }\n": typeof types.EdgesAndNodesDocument,
    "\n  query ConnectorsByEdges { connectors(first: 50) { edges { node { id preset { slug } tools { name } } } } }\n": typeof types.ConnectorsByEdgesDocument,
    "\n  query ConnectorsByNodes { connectors(first: 50) { nodes { id preset { slug } tools { name } } } }\n": typeof types.ConnectorsByNodesDocument,
    "\n  query ConnectorDetails($id: ID!, $includeDisabled: Boolean, $eventsFirst: Int) {\n    connector(id: $id) {\n      state\n      isAuthenticated\n      preset { slug }\n      createdBy { email }\n      organization { id }\n      authRequest { authorizationUrl expiresAt }\n      allTools: tools { name disabled }\n      tools(includeDisabled: $includeDisabled) { name disabled }\n      events(first: $eventsFirst) {\n        totalCount\n        edges { node { id kind version actor { id } connector { id } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": typeof types.ConnectorDetailsDocument,
    "\n  query ConnectorFieldsCatalogStatus {\n    connectorsWithStatus { slug server { id status config connector { id name } } installations { id } }\n  }\n": typeof types.ConnectorFieldsCatalogStatusDocument,
    "\n  query FilteredConnectors($filter: ConnectorFilter) {\n    connectors(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n": typeof types.FilteredConnectorsDocument,
    "\n  query FilteredPersonalConfigurations($filter: PersonalConfigurationFilter) {\n    personalConfigurations(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n": typeof types.FilteredPersonalConfigurationsDocument,
    "\n  mutation MutationCountRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { id name version } }\n    }\n  }\n": typeof types.MutationCountRenameDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Connector { name }\n      ... on Tool { name }\n      ... on User { email }\n      ... on Preset { slug }\n    }\n  }\n": typeof types.NodeByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": typeof types.NodesByIdsDocument,
    "\n  query ByIdFields($id: ID!) {\n    connector(id: $id) { id }\n    personalConfiguration(id: $id) { id }\n  }\n": typeof types.ByIdFieldsDocument,
    "\n  query OrderedConnectors($first: Int, $after: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, orderBy: $orderBy) {\n      edges { node { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrderedConnectorsDocument,
    "\n  query PaginationConnectors($first: Int, $after: String, $last: Int, $before: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.PaginationConnectorsDocument,
    "\n  query PaginationPresets($first: Int, $after: String) {\n    presets(first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.PaginationPresetsDocument,
    "\n  query PaginationPersonalConfigurations($first: Int, $after: String) {\n    personalConfigurations(first: $first, after: $after) {\n      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PaginationPersonalConfigurationsDocument,
    "\n  query PlansConnectors($orderBy: ConnectorOrder) {\n    connectors(first: 20, orderBy: $orderBy) { edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount }\n  }\n": typeof types.PlansConnectorsDocument,
    "\n  query PlansConnectorsAfter($orderBy: ConnectorOrder, $after: String) {\n    connectors(first: 20, after: $after, orderBy: $orderBy) { edges { node { id } } }\n  }\n": typeof types.PlansConnectorsAfterDocument,
    "\n  query PlansWithStatus { connectorsWithStatus { slug server { id status connector { id name } } } }\n": typeof types.PlansWithStatusDocument,
    "\n  query PlansLists($id: ID!) {\n    personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount }\n    auditEvents(first: 20) { edges { node { id action } } }\n    users(first: 20) { edges { node { id email } } totalCount }\n    apiKeys(first: 20) { edges { node { id } } totalCount }\n    webhooks(first: 20) { edges { node { id } } }\n    presets(first: 20) { edges { node { slug } } totalCount }\n    connector(id: $id) {\n      events(first: 20) { edges { node { id kind } } totalCount }\n      toolCalls(first: 20) { edges { node { id outcome } } totalCount }\n    }\n  }\n": typeof types.PlansListsDocument,
    "\n  query PlansConnectorsSearch($search: String!) {\n    connectors(first: 20, filter: { search: $search }) { edges { node { id name } } totalCount }\n  }\n": typeof types.PlansConnectorsSearchDocument,
    "\n  query PlansAvailableTools { availableTools(first: 20) { edges { node { name } } totalCount } }\n": typeof types.PlansAvailableToolsDocument,
    "\n  query FilteredPresets($filter: PresetFilter) {\n    presets(first: 100, filter: $filter) { totalCount edges { node { slug } } }\n    connectorsWithStatus(filter: $filter) { slug }\n  }\n": typeof types.FilteredPresetsDocument,
    "\n  query QueryCountConnectors {\n    connectors(first: 50) {\n      edges { node { id preset { slug tools { name } } tools { name inputSchema } createdBy { email } } }\n      totalCount\n    }\n  }\n": typeof types.QueryCountConnectorsDocument,
    "\n  query QueryCountWithStatus {\n    connectorsWithStatus { slug server { id status connector { id tools { name } preset { slug } createdBy { email } } } }\n  }\n": typeof types.QueryCountWithStatusDocument,
    "\n  query QueryCountSearch($first: Int, $search: String) {\n    connectors(first: $first, filter: { search: $search }) { edges { node { id } } totalCount }\n  }\n": typeof types.QueryCountSearchDocument,
    "\n  query VisibilityConnectors {\n    connectors(first: 100) { totalCount edges { node { id } } }\n  }\n": typeof types.VisibilityConnectorsDocument,
    "\n  query VisibilityConnector($id: ID!) { connector(id: $id) { id } }\n": typeof types.VisibilityConnectorDocument,
    "\n  query VisibilityPersonalConfigurations {\n    personalConfigurations(first: 100) { totalCount edges { node { id } } }\n  }\n": typeof types.VisibilityPersonalConfigurationsDocument,
    "\n  query VisibilityPersonalConfiguration($id: ID!) { personalConfiguration(id: $id) { id } }\n": typeof types.VisibilityPersonalConfigurationDocument,
    "\n  query VisibilityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": typeof types.VisibilityNodesDocument,
    "\n  query VisibilityNode($id: ID!) { node(id: $id) { __typename id } }\n": typeof types.VisibilityNodeDocument,
    "\n  query VisibilityWithStatus { connectorsWithStatus { slug server { id } installations { id } } }\n": typeof types.VisibilityWithStatusDocument,
    "\n  subscription CapsConnectorEvents($filter: ConnectorFilter) {\n    connectorEvents(filter: $filter) {\n      id\n    }\n  }\n": typeof types.CapsConnectorEventsDocument,
    "\n  query CommitOrderLastEvent($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }\n": typeof types.CommitOrderLastEventDocument,
    "\n  query SubscriptionLatestEvent($id: ID!) { connector(id: $id) { version events(first: 1) { edges { node { id version } } } } }\n": typeof types.SubscriptionLatestEventDocument,
    "\n  query SubscriptionCurrentConnector($id: ID!) { connector(id: $id) { id name state version } }\n": typeof types.SubscriptionCurrentConnectorDocument,
    "\n  subscription ConnectorEvents($id: ID, $filter: ConnectorFilter, $after: ID) {\n    connectorEvents(id: $id, filter: $filter, after: $after) {\n      id kind connectorId previousState state version at\n      actor { id }\n      connector { id name preset { slug } }\n    }\n  }\n": typeof types.ConnectorEventsDocument,
    "\n  subscription StateChanged($id: ID!) {\n    connectorStateChanged(id: $id) { id name state version statusReason tools { name disabled } }\n  }\n": typeof types.StateChangedDocument,
    "\n  subscription ConfigurationChanged($id: ID!) {\n    personalConfigurationChanged(id: $id) { id name enabled healthStatus lastError }\n  }\n": typeof types.ConfigurationChangedDocument,
    "\n  subscription MemoryLiveEvents($id: ID) { connectorEvents(id: $id) { id kind version state at } }\n": typeof types.MemoryLiveEventsDocument,
    "\n  mutation SubscriptionCreateConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SubscriptionCreateConfigurationDocument,
    "\n  mutation SubscriptionUpdateConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n": typeof types.SubscriptionUpdateConfigurationDocument,
    "\n  mutation SubscriptionTestConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.SubscriptionTestConfigurationDocument,
    "\n  mutation SubscriptionDeleteConfiguration($id: ID!) { deletePersonalConfiguration(id: $id) { __typename } }\n": typeof types.SubscriptionDeleteConfigurationDocument,
    "\n  query SubscriptionRedisViewer { viewer { role } }\n": typeof types.SubscriptionRedisViewerDocument,
    "\n  query SubscriptionHistory($id: ID!) { connector(id: $id) { events(first: 100) { edges { node { id version } } } } }\n": typeof types.SubscriptionHistoryDocument,
    "\n  subscription SharedEvents($id: ID) {\n    connectorEvents(id: $id) { id kind version connector { id name mcpEndpoint } }\n  }\n": typeof types.SharedEventsDocument,
    "\n  subscription SharedState($id: ID!) {\n    connectorStateChanged(id: $id) { id name version mcpEndpoint }\n  }\n": typeof types.SharedStateDocument,
    "\n  query SignedIn {\n    viewer { role user { id email name role } organization { id slug } }\n  }\n": typeof types.SignedInDocument,
    "\n  query Role {\n    viewer { role }\n  }\n": typeof types.RoleDocument,
    "\n  query TenantData($other: ID!) {\n    viewer { organization { slug } }\n    connectors(first: 50) { totalCount edges { node { id scope } } }\n    connector(id: $other) { id }\n    node(id: $other) { id }\n  }\n": typeof types.TenantDataDocument,
    "\n  query Me {\n    viewer { role user { id } organization { slug } }\n  }\n": typeof types.MeDocument,
    "\n  query ViewerCacheRole { viewer { role } }\n": typeof types.ViewerCacheRoleDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      user { id email role }\n      organization { id slug name }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreateWebhookSuccess {\n        secret\n        webhook { id url document variables description enabled }\n      }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on UpdateWebhookSuccess { webhook { id url document enabled description } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) {\n      __typename\n      ... on DeleteWebhookSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      __typename\n      ... on RotateWebhookSecretSuccess { secret webhook { id } }\n      ... on Error { message }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhookEvent($input: SendTestWebhookEventInput!) {\n    sendTestWebhookEvent(input: $input) {\n      __typename\n      ... on SendTestWebhookEventSuccess { delivery { id test status } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SendTestWebhookEventDocument,
    "\n  query Webhooks($first: Int, $after: String) {\n    webhooks(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id url description enabled }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: [WebhookDeliveryStatus!]) {\n    node(id: $id) {\n      ... on Webhook {\n        deliveries(first: $first, after: $after, filter: { status: $status }) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes {\n            id\n            eventId\n            connectorId\n            test\n            status\n            attempts\n            lastStatusCode\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            attemptHistory { statusCode error }\n            webhook { id }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation WebhookRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": typeof types.WebhookRenameDocument,
};
const documents: Documents = {
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess { key apiKey { id name role prefix createdAt revokedAt user { id email } } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      __typename\n      ... on RevokeApiKeySuccess { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { id email name role deactivatedAt } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(input: { id: $id, role: $role }) {\n      __typename\n      ... on UpdateUserRoleSuccess { user { id role } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(input: { id: $id }) {\n      __typename\n      ... on DeactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(input: { id: $id }) {\n      __typename\n      ... on ReactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name role prefix revokedAt user { id } }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes { id email role deactivatedAt }\n    }\n  }\n": types.UsersDocument,
    "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetType targetId details createdAt actorApiKey { id } actorUser { id } }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AdminNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on ApiKey { prefix role }\n      ... on User { email }\n      ... on AuditEvent { action }\n    }\n  }\n": types.AdminNodesDocument,
    "\n  query AdministrationMe { viewer { role user { id } organization { id } } }\n": types.AdministrationMeDocument,
    "\n  query ShippedCatalog {\n    presets(first: 100) {\n      totalCount\n      edges { node { id slug name mcpUrl configSchema enabled tools { type requiresConfirmation } } }\n    }\n  }\n": types.ShippedCatalogDocument,
    "\n  query CatalogPresetBySlug($slug: String!) {\n    preset(slug: $slug) { id slug description tools { id name description type requiresConfirmation } }\n  }\n": types.CatalogPresetBySlugDocument,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError { fieldErrors { path message } }\n    ... on InvalidStateError { state }\n    ... on NotFoundError { id requestedId }\n  }\n": types.MutationErrorFragmentDoc,
    "\n  fragment ConnectorFields on Connector {\n    id type name url scope authType state statusReason disconnectReason\n    isActive isConfigured isAuthenticated syncEnabled agentEnabled\n    configuration metadata version lastSyncAt lastError createdAt updatedAt\n    preset { slug }\n    createdBy { id }\n    tools { id name disabled pendingReview }\n    authRequest { authorizationUrl }\n  }\n": types.ConnectorFieldsFragmentDoc,
    "\n  mutation CreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.CreateConnectorDocument,
    "\n  mutation UpdateConnector($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.UpdateConnectorDocument,
    "\n  mutation DeleteConnector($input: DeleteConnectorInput!) {\n    deleteConnector(input: $input) { __typename ... on DeleteConnectorSuccess { deletedId } ...MutationError }\n  }\n": types.DeleteConnectorDocument,
    "\n  mutation ConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.ConnectConnectorDocument,
    "\n  mutation DisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.DisconnectConnectorDocument,
    "\n  mutation SetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { id name disabled pendingReview } connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.SetToolDisabledDocument,
    "\n  mutation RefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.RefreshConnectorToolsDocument,
    "\n  mutation CheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n": types.CheckConnectorHealthDocument,
    "\n  query ConnectorHistory($id: ID!) {\n    connector(id: $id) {\n      ...ConnectorFields\n      events(first: 100) { totalCount edges { node { id kind previousState state version actor { id } } } }\n    }\n  }\n": types.ConnectorHistoryDocument,
    "\n  fragment McpConnectorFields on Connector {\n    id state statusReason lastError isAuthenticated authType version lastSyncAt updatedAt\n    tools { id name label description type requiresConfirmation disabled pendingReview inputSchema }\n  }\n": types.McpConnectorFieldsFragmentDoc,
    "\n  fragment McpMutationError on Error {\n    __typename\n    message\n    ... on UpstreamError { reason left: connectorAfter { ...McpConnectorFields } }\n    ... on InvalidStateError { state }\n    ... on ValidationError { fieldErrors { path message } }\n  }\n": types.McpMutationErrorFragmentDoc,
    "\n  mutation McpCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": types.McpCreateConnectorDocument,
    "\n  mutation McpConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": types.McpConnectConnectorDocument,
    "\n  mutation McpRefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": types.McpRefreshConnectorToolsDocument,
    "\n  mutation McpCheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": types.McpCheckConnectorHealthDocument,
    "\n  mutation McpSetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { name disabled pendingReview } connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n": types.McpSetToolDisabledDocument,
    "\n  query McpConnector($id: ID!) {\n    connector(id: $id) {\n      ...McpConnectorFields\n      events(first: 100) {\n        totalCount\n        edges { node { kind previousState state version actor { id } toolChanges { added removed changed held } } }\n      }\n    }\n  }\n": types.McpConnectorDocument,
    "\n  mutation CreateTypenameOnly($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n": types.CreateTypenameOnlyDocument,
    "\n  mutation CreatePconfForTypename($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n": types.CreatePconfForTypenameDocument,
    "\n  mutation UpdatePconfTypenameOnly($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) { __typename }\n  }\n": types.UpdatePconfTypenameOnlyDocument,
    "\n  query GatewayConnector($id: ID!) {\n    connector(id: $id) { id handle mcpEndpoint state isActive agentEnabled }\n  }\n": types.GatewayConnectorDocument,
    "\n  query GatewayToolCalls($id: ID!, $filter: ToolCallFilter) {\n    connector(id: $id) {\n      toolCalls(first: 50, filter: $filter) {\n        totalCount\n        edges { node { id toolName outcome errorMessage apiKeyId user { id } startedAt durationMs connector { id } } }\n      }\n    }\n  }\n": types.GatewayToolCallsDocument,
    "\n  query GatewayAvailableTools($first: Int, $after: String, $filter: AvailableToolFilter) {\n    availableTools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name tool { name type disabled connector { id } } connector { id handle } } }\n    }\n  }\n": types.GatewayAvailableToolsDocument,
    "\n  query GatewayNode($id: ID!) { node(id: $id) { id ... on ToolCall { toolName outcome } } }\n": types.GatewayNodeDocument,
    "\n  mutation EgressConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { id state } }\n      ... on UpstreamError { message reason left: connectorAfter { id state lastError } }\n      ... on Error { message }\n    }\n  }\n": types.EgressConnectConnectorDocument,
    "\n  fragment OAuthConnectorFields on Connector {\n    id\n    type\n    authType\n    state\n    statusReason\n    version\n    isAuthenticated\n    authRequest { authorizationUrl expiresAt }\n  }\n": types.OAuthConnectorFieldsFragmentDoc,
    "\n  mutation OAuthCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n": types.OAuthCreateConnectorDocument,
    "\n  mutation OAuthConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on UpstreamError { reason connectorAfter { state } }\n      ... on Error { message }\n    }\n  }\n": types.OAuthConnectConnectorDocument,
    "\n  mutation OAuthDisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n": types.OAuthDisconnectConnectorDocument,
    "\n  query OAuthConnector($id: ID!) {\n    connector(id: $id) { ...OAuthConnectorFields }\n  }\n": types.OAuthConnectorDocument,
    "\n  query CliWhoAmI { viewer { role user { email } organization { slug } } }\n": types.CliWhoAmIDocument,
    "\n  mutation KeysCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) { ... on CreateConnectorSuccess { connector { id } } ... on Error { message } }\n  }\n": types.KeysCreateConnectorDocument,
    "\n  mutation KeysConnect($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) { ... on ConnectConnectorSuccess { connector { state } } ... on Error { message } }\n  }\n": types.KeysConnectDocument,
    "\n  query OpsConnector($id: ID!) { connector(id: $id) { id state } }\n": types.OpsConnectorDocument,
    "\n  subscription OpsStateChanged($id: ID!) { connectorStateChanged(id: $id) { id state } }\n": types.OpsStateChangedDocument,
    "\n  mutation OpsCheckHealth($id: ID!) { checkConnectorHealth(id: $id) { __typename } }\n": types.OpsCheckHealthDocument,
    "\n  mutation PossibleTypesRemoveConnector($id: ID!) {\n    deleteConnector(input: { id: $id }) {\n      __typename\n      ... on DeleteConnectorSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n": types.PossibleTypesRemoveConnectorDocument,
    "\n  query OpsViewerRole { viewer { role } }\n": types.OpsViewerRoleDocument,
    "\n  subscription OpsMissingConnector($id: ID!) { connectorStateChanged(id: $id) { id } }\n": types.OpsMissingConnectorDocument,
    "\n  query OpsPage($first: Int) { connectors(first: $first) { totalCount } }\n": types.OpsPageDocument,
    "\n  mutation OpsCreateWithSecret($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n": types.OpsCreateWithSecretDocument,
    "\n  query OpsPersonalConfigurations { personalConfigurations(first: 1) { totalCount } }\n": types.OpsPersonalConfigurationsDocument,
    "\n  query OpsWhoAmI { viewer { role user { email } organization { slug } } }\n": types.OpsWhoAmIDocument,
    "\n  query OpsTraced($id: ID!) { connector(id: $id) { id } }\n": types.OpsTracedDocument,
    "\n  fragment PersonalConfigurationFields on PersonalConfiguration {\n    id name description configuration credentialType hasCredentials credentialsExpireAt enabled\n    healthStatus lastSyncAt lastError metadata createdAt updatedAt apiKeyId\n    user { id }\n    preset { slug }\n  }\n": types.PersonalConfigurationFieldsFragmentDoc,
    "\n  mutation CreatePersonalConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": types.CreatePersonalConfigurationDocument,
    "\n  mutation UpdatePersonalConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": types.UpdatePersonalConfigurationDocument,
    "\n  mutation DeletePersonalConfiguration($id: ID!) {\n    deletePersonalConfiguration(id: $id) { __typename ... on DeletePersonalConfigurationSuccess { deletedId } ...MutationError }\n  }\n": types.DeletePersonalConfigurationDocument,
    "\n  mutation TestPersonalConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) {\n      __typename\n      ... on TestPersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n": types.TestPersonalConfigurationDocument,
    "\n  query EdgesAndNodes {\n    presets(first: 3) { edges { node { id slug } } nodes { id slug } }\n    connectors(first: 10) {\n      edges { node { id name } }\n      nodes { id name events(first: 5) { edges { node { id kind } } nodes { id kind } } }\n    }\n    personalConfigurations { edges { node { id name } } nodes { id name } }\n  }\n": types.EdgesAndNodesDocument,
    "\n  query ConnectorsByEdges { connectors(first: 50) { edges { node { id preset { slug } tools { name } } } } }\n": types.ConnectorsByEdgesDocument,
    "\n  query ConnectorsByNodes { connectors(first: 50) { nodes { id preset { slug } tools { name } } } }\n": types.ConnectorsByNodesDocument,
    "\n  query ConnectorDetails($id: ID!, $includeDisabled: Boolean, $eventsFirst: Int) {\n    connector(id: $id) {\n      state\n      isAuthenticated\n      preset { slug }\n      createdBy { email }\n      organization { id }\n      authRequest { authorizationUrl expiresAt }\n      allTools: tools { name disabled }\n      tools(includeDisabled: $includeDisabled) { name disabled }\n      events(first: $eventsFirst) {\n        totalCount\n        edges { node { id kind version actor { id } connector { id } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": types.ConnectorDetailsDocument,
    "\n  query ConnectorFieldsCatalogStatus {\n    connectorsWithStatus { slug server { id status config connector { id name } } installations { id } }\n  }\n": types.ConnectorFieldsCatalogStatusDocument,
    "\n  query FilteredConnectors($filter: ConnectorFilter) {\n    connectors(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n": types.FilteredConnectorsDocument,
    "\n  query FilteredPersonalConfigurations($filter: PersonalConfigurationFilter) {\n    personalConfigurations(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n": types.FilteredPersonalConfigurationsDocument,
    "\n  mutation MutationCountRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { id name version } }\n    }\n  }\n": types.MutationCountRenameDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Connector { name }\n      ... on Tool { name }\n      ... on User { email }\n      ... on Preset { slug }\n    }\n  }\n": types.NodeByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": types.NodesByIdsDocument,
    "\n  query ByIdFields($id: ID!) {\n    connector(id: $id) { id }\n    personalConfiguration(id: $id) { id }\n  }\n": types.ByIdFieldsDocument,
    "\n  query OrderedConnectors($first: Int, $after: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, orderBy: $orderBy) {\n      edges { node { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrderedConnectorsDocument,
    "\n  query PaginationConnectors($first: Int, $after: String, $last: Int, $before: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.PaginationConnectorsDocument,
    "\n  query PaginationPresets($first: Int, $after: String) {\n    presets(first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }\n  }\n": types.PaginationPresetsDocument,
    "\n  query PaginationPersonalConfigurations($first: Int, $after: String) {\n    personalConfigurations(first: $first, after: $after) {\n      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PaginationPersonalConfigurationsDocument,
    "\n  query PlansConnectors($orderBy: ConnectorOrder) {\n    connectors(first: 20, orderBy: $orderBy) { edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount }\n  }\n": types.PlansConnectorsDocument,
    "\n  query PlansConnectorsAfter($orderBy: ConnectorOrder, $after: String) {\n    connectors(first: 20, after: $after, orderBy: $orderBy) { edges { node { id } } }\n  }\n": types.PlansConnectorsAfterDocument,
    "\n  query PlansWithStatus { connectorsWithStatus { slug server { id status connector { id name } } } }\n": types.PlansWithStatusDocument,
    "\n  query PlansLists($id: ID!) {\n    personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount }\n    auditEvents(first: 20) { edges { node { id action } } }\n    users(first: 20) { edges { node { id email } } totalCount }\n    apiKeys(first: 20) { edges { node { id } } totalCount }\n    webhooks(first: 20) { edges { node { id } } }\n    presets(first: 20) { edges { node { slug } } totalCount }\n    connector(id: $id) {\n      events(first: 20) { edges { node { id kind } } totalCount }\n      toolCalls(first: 20) { edges { node { id outcome } } totalCount }\n    }\n  }\n": types.PlansListsDocument,
    "\n  query PlansConnectorsSearch($search: String!) {\n    connectors(first: 20, filter: { search: $search }) { edges { node { id name } } totalCount }\n  }\n": types.PlansConnectorsSearchDocument,
    "\n  query PlansAvailableTools { availableTools(first: 20) { edges { node { name } } totalCount } }\n": types.PlansAvailableToolsDocument,
    "\n  query FilteredPresets($filter: PresetFilter) {\n    presets(first: 100, filter: $filter) { totalCount edges { node { slug } } }\n    connectorsWithStatus(filter: $filter) { slug }\n  }\n": types.FilteredPresetsDocument,
    "\n  query QueryCountConnectors {\n    connectors(first: 50) {\n      edges { node { id preset { slug tools { name } } tools { name inputSchema } createdBy { email } } }\n      totalCount\n    }\n  }\n": types.QueryCountConnectorsDocument,
    "\n  query QueryCountWithStatus {\n    connectorsWithStatus { slug server { id status connector { id tools { name } preset { slug } createdBy { email } } } }\n  }\n": types.QueryCountWithStatusDocument,
    "\n  query QueryCountSearch($first: Int, $search: String) {\n    connectors(first: $first, filter: { search: $search }) { edges { node { id } } totalCount }\n  }\n": types.QueryCountSearchDocument,
    "\n  query VisibilityConnectors {\n    connectors(first: 100) { totalCount edges { node { id } } }\n  }\n": types.VisibilityConnectorsDocument,
    "\n  query VisibilityConnector($id: ID!) { connector(id: $id) { id } }\n": types.VisibilityConnectorDocument,
    "\n  query VisibilityPersonalConfigurations {\n    personalConfigurations(first: 100) { totalCount edges { node { id } } }\n  }\n": types.VisibilityPersonalConfigurationsDocument,
    "\n  query VisibilityPersonalConfiguration($id: ID!) { personalConfiguration(id: $id) { id } }\n": types.VisibilityPersonalConfigurationDocument,
    "\n  query VisibilityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": types.VisibilityNodesDocument,
    "\n  query VisibilityNode($id: ID!) { node(id: $id) { __typename id } }\n": types.VisibilityNodeDocument,
    "\n  query VisibilityWithStatus { connectorsWithStatus { slug server { id } installations { id } } }\n": types.VisibilityWithStatusDocument,
    "\n  subscription CapsConnectorEvents($filter: ConnectorFilter) {\n    connectorEvents(filter: $filter) {\n      id\n    }\n  }\n": types.CapsConnectorEventsDocument,
    "\n  query CommitOrderLastEvent($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }\n": types.CommitOrderLastEventDocument,
    "\n  query SubscriptionLatestEvent($id: ID!) { connector(id: $id) { version events(first: 1) { edges { node { id version } } } } }\n": types.SubscriptionLatestEventDocument,
    "\n  query SubscriptionCurrentConnector($id: ID!) { connector(id: $id) { id name state version } }\n": types.SubscriptionCurrentConnectorDocument,
    "\n  subscription ConnectorEvents($id: ID, $filter: ConnectorFilter, $after: ID) {\n    connectorEvents(id: $id, filter: $filter, after: $after) {\n      id kind connectorId previousState state version at\n      actor { id }\n      connector { id name preset { slug } }\n    }\n  }\n": types.ConnectorEventsDocument,
    "\n  subscription StateChanged($id: ID!) {\n    connectorStateChanged(id: $id) { id name state version statusReason tools { name disabled } }\n  }\n": types.StateChangedDocument,
    "\n  subscription ConfigurationChanged($id: ID!) {\n    personalConfigurationChanged(id: $id) { id name enabled healthStatus lastError }\n  }\n": types.ConfigurationChangedDocument,
    "\n  subscription MemoryLiveEvents($id: ID) { connectorEvents(id: $id) { id kind version state at } }\n": types.MemoryLiveEventsDocument,
    "\n  mutation SubscriptionCreateConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n      ... on Error { message }\n    }\n  }\n": types.SubscriptionCreateConfigurationDocument,
    "\n  mutation SubscriptionUpdateConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n": types.SubscriptionUpdateConfigurationDocument,
    "\n  mutation SubscriptionTestConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) { __typename ... on Error { message } }\n  }\n": types.SubscriptionTestConfigurationDocument,
    "\n  mutation SubscriptionDeleteConfiguration($id: ID!) { deletePersonalConfiguration(id: $id) { __typename } }\n": types.SubscriptionDeleteConfigurationDocument,
    "\n  query SubscriptionRedisViewer { viewer { role } }\n": types.SubscriptionRedisViewerDocument,
    "\n  query SubscriptionHistory($id: ID!) { connector(id: $id) { events(first: 100) { edges { node { id version } } } } }\n": types.SubscriptionHistoryDocument,
    "\n  subscription SharedEvents($id: ID) {\n    connectorEvents(id: $id) { id kind version connector { id name mcpEndpoint } }\n  }\n": types.SharedEventsDocument,
    "\n  subscription SharedState($id: ID!) {\n    connectorStateChanged(id: $id) { id name version mcpEndpoint }\n  }\n": types.SharedStateDocument,
    "\n  query SignedIn {\n    viewer { role user { id email name role } organization { id slug } }\n  }\n": types.SignedInDocument,
    "\n  query Role {\n    viewer { role }\n  }\n": types.RoleDocument,
    "\n  query TenantData($other: ID!) {\n    viewer { organization { slug } }\n    connectors(first: 50) { totalCount edges { node { id scope } } }\n    connector(id: $other) { id }\n    node(id: $other) { id }\n  }\n": types.TenantDataDocument,
    "\n  query Me {\n    viewer { role user { id } organization { slug } }\n  }\n": types.MeDocument,
    "\n  query ViewerCacheRole { viewer { role } }\n": types.ViewerCacheRoleDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      user { id email role }\n      organization { id slug name }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreateWebhookSuccess {\n        secret\n        webhook { id url document variables description enabled }\n      }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on UpdateWebhookSuccess { webhook { id url document enabled description } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) {\n      __typename\n      ... on DeleteWebhookSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      __typename\n      ... on RotateWebhookSecretSuccess { secret webhook { id } }\n      ... on Error { message }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhookEvent($input: SendTestWebhookEventInput!) {\n    sendTestWebhookEvent(input: $input) {\n      __typename\n      ... on SendTestWebhookEventSuccess { delivery { id test status } }\n      ... on Error { message }\n    }\n  }\n": types.SendTestWebhookEventDocument,
    "\n  query Webhooks($first: Int, $after: String) {\n    webhooks(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id url description enabled }\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: [WebhookDeliveryStatus!]) {\n    node(id: $id) {\n      ... on Webhook {\n        deliveries(first: $first, after: $after, filter: { status: $status }) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes {\n            id\n            eventId\n            connectorId\n            test\n            status\n            attempts\n            lastStatusCode\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            attemptHistory { statusCode error }\n            webhook { id }\n          }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation WebhookRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": types.WebhookRenameDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess { key apiKey { id name role prefix createdAt revokedAt user { id email } } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess { key apiKey { id name role prefix createdAt revokedAt user { id email } } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      __typename\n      ... on RevokeApiKeySuccess { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(input: { id: $id }) {\n      __typename\n      ... on RevokeApiKeySuccess { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { id email name role deactivatedAt } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { id email name role deactivatedAt } }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(input: { id: $id, role: $role }) {\n      __typename\n      ... on UpdateUserRoleSuccess { user { id role } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($id: ID!, $role: Role!) {\n    updateUserRole(input: { id: $id, role: $role }) {\n      __typename\n      ... on UpdateUserRoleSuccess { user { id role } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(input: { id: $id }) {\n      __typename\n      ... on DeactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(input: { id: $id }) {\n      __typename\n      ... on DeactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(input: { id: $id }) {\n      __typename\n      ... on ReactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(input: { id: $id }) {\n      __typename\n      ... on ReactivateUserSuccess { user { id deactivatedAt } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name role prefix revokedAt user { id } }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name role prefix revokedAt user { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes { id email role deactivatedAt }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes { id email role deactivatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetType targetId details createdAt actorApiKey { id } actorUser { id } }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetType targetId details createdAt actorApiKey { id } actorUser { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on ApiKey { prefix role }\n      ... on User { email }\n      ... on AuditEvent { action }\n    }\n  }\n"): (typeof documents)["\n  query AdminNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on ApiKey { prefix role }\n      ... on User { email }\n      ... on AuditEvent { action }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdministrationMe { viewer { role user { id } organization { id } } }\n"): (typeof documents)["\n  query AdministrationMe { viewer { role user { id } organization { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShippedCatalog {\n    presets(first: 100) {\n      totalCount\n      edges { node { id slug name mcpUrl configSchema enabled tools { type requiresConfirmation } } }\n    }\n  }\n"): (typeof documents)["\n  query ShippedCatalog {\n    presets(first: 100) {\n      totalCount\n      edges { node { id slug name mcpUrl configSchema enabled tools { type requiresConfirmation } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogPresetBySlug($slug: String!) {\n    preset(slug: $slug) { id slug description tools { id name description type requiresConfirmation } }\n  }\n"): (typeof documents)["\n  query CatalogPresetBySlug($slug: String!) {\n    preset(slug: $slug) { id slug description tools { id name description type requiresConfirmation } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError { fieldErrors { path message } }\n    ... on InvalidStateError { state }\n    ... on NotFoundError { id requestedId }\n  }\n"): (typeof documents)["\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError { fieldErrors { path message } }\n    ... on InvalidStateError { state }\n    ... on NotFoundError { id requestedId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConnectorFields on Connector {\n    id type name url scope authType state statusReason disconnectReason\n    isActive isConfigured isAuthenticated syncEnabled agentEnabled\n    configuration metadata version lastSyncAt lastError createdAt updatedAt\n    preset { slug }\n    createdBy { id }\n    tools { id name disabled pendingReview }\n    authRequest { authorizationUrl }\n  }\n"): (typeof documents)["\n  fragment ConnectorFields on Connector {\n    id type name url scope authType state statusReason disconnectReason\n    isActive isConfigured isAuthenticated syncEnabled agentEnabled\n    configuration metadata version lastSyncAt lastError createdAt updatedAt\n    preset { slug }\n    createdBy { id }\n    tools { id name disabled pendingReview }\n    authRequest { authorizationUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConnector($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateConnector($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteConnector($input: DeleteConnectorInput!) {\n    deleteConnector(input: $input) { __typename ... on DeleteConnectorSuccess { deletedId } ...MutationError }\n  }\n"): (typeof documents)["\n  mutation DeleteConnector($input: DeleteConnectorInput!) {\n    deleteConnector(input: $input) { __typename ... on DeleteConnectorSuccess { deletedId } ...MutationError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation DisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { id name disabled pendingReview } connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation SetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { id name disabled pendingReview } connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation CheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...ConnectorFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorHistory($id: ID!) {\n    connector(id: $id) {\n      ...ConnectorFields\n      events(first: 100) { totalCount edges { node { id kind previousState state version actor { id } } } }\n    }\n  }\n"): (typeof documents)["\n  query ConnectorHistory($id: ID!) {\n    connector(id: $id) {\n      ...ConnectorFields\n      events(first: 100) { totalCount edges { node { id kind previousState state version actor { id } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpConnectorFields on Connector {\n    id state statusReason lastError isAuthenticated authType version lastSyncAt updatedAt\n    tools { id name label description type requiresConfirmation disabled pendingReview inputSchema }\n  }\n"): (typeof documents)["\n  fragment McpConnectorFields on Connector {\n    id state statusReason lastError isAuthenticated authType version lastSyncAt updatedAt\n    tools { id name label description type requiresConfirmation disabled pendingReview inputSchema }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McpMutationError on Error {\n    __typename\n    message\n    ... on UpstreamError { reason left: connectorAfter { ...McpConnectorFields } }\n    ... on InvalidStateError { state }\n    ... on ValidationError { fieldErrors { path message } }\n  }\n"): (typeof documents)["\n  fragment McpMutationError on Error {\n    __typename\n    message\n    ... on UpstreamError { reason left: connectorAfter { ...McpConnectorFields } }\n    ... on InvalidStateError { state }\n    ... on ValidationError { fieldErrors { path message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"): (typeof documents)["\n  mutation McpCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"): (typeof documents)["\n  mutation McpConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpRefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"): (typeof documents)["\n  mutation McpRefreshConnectorTools($id: ID!) {\n    refreshConnectorTools(id: $id) {\n      __typename\n      ... on RefreshConnectorToolsSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpCheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"): (typeof documents)["\n  mutation McpCheckConnectorHealth($id: ID!) {\n    checkConnectorHealth(id: $id) {\n      __typename\n      ... on CheckConnectorHealthSuccess { connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation McpSetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { name disabled pendingReview } connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"): (typeof documents)["\n  mutation McpSetToolDisabled($input: SetToolDisabledInput!) {\n    setToolDisabled(input: $input) {\n      __typename\n      ... on SetToolDisabledSuccess { tool { name disabled pendingReview } connector { ...McpConnectorFields } }\n      ...McpMutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McpConnector($id: ID!) {\n    connector(id: $id) {\n      ...McpConnectorFields\n      events(first: 100) {\n        totalCount\n        edges { node { kind previousState state version actor { id } toolChanges { added removed changed held } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query McpConnector($id: ID!) {\n    connector(id: $id) {\n      ...McpConnectorFields\n      events(first: 100) {\n        totalCount\n        edges { node { kind previousState state version actor { id } toolChanges { added removed changed held } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTypenameOnly($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation CreateTypenameOnly($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePconfForTypename($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePconfForTypename($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePconfTypenameOnly($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation UpdatePconfTypenameOnly($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewayConnector($id: ID!) {\n    connector(id: $id) { id handle mcpEndpoint state isActive agentEnabled }\n  }\n"): (typeof documents)["\n  query GatewayConnector($id: ID!) {\n    connector(id: $id) { id handle mcpEndpoint state isActive agentEnabled }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewayToolCalls($id: ID!, $filter: ToolCallFilter) {\n    connector(id: $id) {\n      toolCalls(first: 50, filter: $filter) {\n        totalCount\n        edges { node { id toolName outcome errorMessage apiKeyId user { id } startedAt durationMs connector { id } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GatewayToolCalls($id: ID!, $filter: ToolCallFilter) {\n    connector(id: $id) {\n      toolCalls(first: 50, filter: $filter) {\n        totalCount\n        edges { node { id toolName outcome errorMessage apiKeyId user { id } startedAt durationMs connector { id } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewayAvailableTools($first: Int, $after: String, $filter: AvailableToolFilter) {\n    availableTools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name tool { name type disabled connector { id } } connector { id handle } } }\n    }\n  }\n"): (typeof documents)["\n  query GatewayAvailableTools($first: Int, $after: String, $filter: AvailableToolFilter) {\n    availableTools(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name tool { name type disabled connector { id } } connector { id handle } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewayNode($id: ID!) { node(id: $id) { id ... on ToolCall { toolName outcome } } }\n"): (typeof documents)["\n  query GatewayNode($id: ID!) { node(id: $id) { id ... on ToolCall { toolName outcome } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EgressConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { id state } }\n      ... on UpstreamError { message reason left: connectorAfter { id state lastError } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EgressConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { id state } }\n      ... on UpstreamError { message reason left: connectorAfter { id state lastError } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OAuthConnectorFields on Connector {\n    id\n    type\n    authType\n    state\n    statusReason\n    version\n    isAuthenticated\n    authRequest { authorizationUrl expiresAt }\n  }\n"): (typeof documents)["\n  fragment OAuthConnectorFields on Connector {\n    id\n    type\n    authType\n    state\n    statusReason\n    version\n    isAuthenticated\n    authRequest { authorizationUrl expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) {\n      __typename\n      ... on CreateConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on UpstreamError { reason connectorAfter { state } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthConnectConnector($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) {\n      __typename\n      ... on ConnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on UpstreamError { reason connectorAfter { state } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OAuthDisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation OAuthDisconnectConnector($input: DisconnectConnectorInput!) {\n    disconnectConnector(input: $input) {\n      __typename\n      ... on DisconnectConnectorSuccess { connector { ...OAuthConnectorFields } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OAuthConnector($id: ID!) {\n    connector(id: $id) { ...OAuthConnectorFields }\n  }\n"): (typeof documents)["\n  query OAuthConnector($id: ID!) {\n    connector(id: $id) { ...OAuthConnectorFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWhoAmI { viewer { role user { email } organization { slug } } }\n"): (typeof documents)["\n  query CliWhoAmI { viewer { role user { email } organization { slug } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) { ... on CreateConnectorSuccess { connector { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation KeysCreateConnector($input: CreateConnectorInput!) {\n    createConnector(input: $input) { ... on CreateConnectorSuccess { connector { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysConnect($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) { ... on ConnectConnectorSuccess { connector { state } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation KeysConnect($input: ConnectConnectorInput!) {\n    connectConnector(input: $input) { ... on ConnectConnectorSuccess { connector { state } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsConnector($id: ID!) { connector(id: $id) { id state } }\n"): (typeof documents)["\n  query OpsConnector($id: ID!) { connector(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpsStateChanged($id: ID!) { connectorStateChanged(id: $id) { id state } }\n"): (typeof documents)["\n  subscription OpsStateChanged($id: ID!) { connectorStateChanged(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpsCheckHealth($id: ID!) { checkConnectorHealth(id: $id) { __typename } }\n"): (typeof documents)["\n  mutation OpsCheckHealth($id: ID!) { checkConnectorHealth(id: $id) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PossibleTypesRemoveConnector($id: ID!) {\n    deleteConnector(input: { id: $id }) {\n      __typename\n      ... on DeleteConnectorSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation PossibleTypesRemoveConnector($id: ID!) {\n    deleteConnector(input: { id: $id }) {\n      __typename\n      ... on DeleteConnectorSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsViewerRole { viewer { role } }\n"): (typeof documents)["\n  query OpsViewerRole { viewer { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpsMissingConnector($id: ID!) { connectorStateChanged(id: $id) { id } }\n"): (typeof documents)["\n  subscription OpsMissingConnector($id: ID!) { connectorStateChanged(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsPage($first: Int) { connectors(first: $first) { totalCount } }\n"): (typeof documents)["\n  query OpsPage($first: Int) { connectors(first: $first) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpsCreateWithSecret($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation OpsCreateWithSecret($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsPersonalConfigurations { personalConfigurations(first: 1) { totalCount } }\n"): (typeof documents)["\n  query OpsPersonalConfigurations { personalConfigurations(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsWhoAmI { viewer { role user { email } organization { slug } } }\n"): (typeof documents)["\n  query OpsWhoAmI { viewer { role user { email } organization { slug } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsTraced($id: ID!) { connector(id: $id) { id } }\n"): (typeof documents)["\n  query OpsTraced($id: ID!) { connector(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonalConfigurationFields on PersonalConfiguration {\n    id name description configuration credentialType hasCredentials credentialsExpireAt enabled\n    healthStatus lastSyncAt lastError metadata createdAt updatedAt apiKeyId\n    user { id }\n    preset { slug }\n  }\n"): (typeof documents)["\n  fragment PersonalConfigurationFields on PersonalConfiguration {\n    id name description configuration credentialType hasCredentials credentialsExpireAt enabled\n    healthStatus lastSyncAt lastError metadata createdAt updatedAt apiKeyId\n    user { id }\n    preset { slug }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePersonalConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePersonalConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePersonalConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePersonalConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePersonalConfiguration($id: ID!) {\n    deletePersonalConfiguration(id: $id) { __typename ... on DeletePersonalConfigurationSuccess { deletedId } ...MutationError }\n  }\n"): (typeof documents)["\n  mutation DeletePersonalConfiguration($id: ID!) {\n    deletePersonalConfiguration(id: $id) { __typename ... on DeletePersonalConfigurationSuccess { deletedId } ...MutationError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestPersonalConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) {\n      __typename\n      ... on TestPersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation TestPersonalConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) {\n      __typename\n      ... on TestPersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgesAndNodes {\n    presets(first: 3) { edges { node { id slug } } nodes { id slug } }\n    connectors(first: 10) {\n      edges { node { id name } }\n      nodes { id name events(first: 5) { edges { node { id kind } } nodes { id kind } } }\n    }\n    personalConfigurations { edges { node { id name } } nodes { id name } }\n  }\n"): (typeof documents)["\n  query EdgesAndNodes {\n    presets(first: 3) { edges { node { id slug } } nodes { id slug } }\n    connectors(first: 10) {\n      edges { node { id name } }\n      nodes { id name events(first: 5) { edges { node { id kind } } nodes { id kind } } }\n    }\n    personalConfigurations { edges { node { id name } } nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorsByEdges { connectors(first: 50) { edges { node { id preset { slug } tools { name } } } } }\n"): (typeof documents)["\n  query ConnectorsByEdges { connectors(first: 50) { edges { node { id preset { slug } tools { name } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorsByNodes { connectors(first: 50) { nodes { id preset { slug } tools { name } } } }\n"): (typeof documents)["\n  query ConnectorsByNodes { connectors(first: 50) { nodes { id preset { slug } tools { name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorDetails($id: ID!, $includeDisabled: Boolean, $eventsFirst: Int) {\n    connector(id: $id) {\n      state\n      isAuthenticated\n      preset { slug }\n      createdBy { email }\n      organization { id }\n      authRequest { authorizationUrl expiresAt }\n      allTools: tools { name disabled }\n      tools(includeDisabled: $includeDisabled) { name disabled }\n      events(first: $eventsFirst) {\n        totalCount\n        edges { node { id kind version actor { id } connector { id } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConnectorDetails($id: ID!, $includeDisabled: Boolean, $eventsFirst: Int) {\n    connector(id: $id) {\n      state\n      isAuthenticated\n      preset { slug }\n      createdBy { email }\n      organization { id }\n      authRequest { authorizationUrl expiresAt }\n      allTools: tools { name disabled }\n      tools(includeDisabled: $includeDisabled) { name disabled }\n      events(first: $eventsFirst) {\n        totalCount\n        edges { node { id kind version actor { id } connector { id } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorFieldsCatalogStatus {\n    connectorsWithStatus { slug server { id status config connector { id name } } installations { id } }\n  }\n"): (typeof documents)["\n  query ConnectorFieldsCatalogStatus {\n    connectorsWithStatus { slug server { id status config connector { id name } } installations { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredConnectors($filter: ConnectorFilter) {\n    connectors(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n"): (typeof documents)["\n  query FilteredConnectors($filter: ConnectorFilter) {\n    connectors(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredPersonalConfigurations($filter: PersonalConfigurationFilter) {\n    personalConfigurations(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n"): (typeof documents)["\n  query FilteredPersonalConfigurations($filter: PersonalConfigurationFilter) {\n    personalConfigurations(first: 100, filter: $filter) { totalCount edges { node { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationCountRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { id name version } }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationCountRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on UpdateConnectorSuccess { connector { id name version } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Connector { name }\n      ... on Tool { name }\n      ... on User { email }\n      ... on Preset { slug }\n    }\n  }\n"): (typeof documents)["\n  query NodeById($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Connector { name }\n      ... on Tool { name }\n      ... on User { email }\n      ... on Preset { slug }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"): (typeof documents)["\n  query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ByIdFields($id: ID!) {\n    connector(id: $id) { id }\n    personalConfiguration(id: $id) { id }\n  }\n"): (typeof documents)["\n  query ByIdFields($id: ID!) {\n    connector(id: $id) { id }\n    personalConfiguration(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderedConnectors($first: Int, $after: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, orderBy: $orderBy) {\n      edges { node { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OrderedConnectors($first: Int, $after: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, orderBy: $orderBy) {\n      edges { node { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaginationConnectors($first: Int, $after: String, $last: Int, $before: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PaginationConnectors($first: Int, $after: String, $last: Int, $before: String, $orderBy: ConnectorOrder) {\n    connectors(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaginationPresets($first: Int, $after: String) {\n    presets(first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query PaginationPresets($first: Int, $after: String) {\n    presets(first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaginationPersonalConfigurations($first: Int, $after: String) {\n    personalConfigurations(first: $first, after: $after) {\n      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PaginationPersonalConfigurations($first: Int, $after: String) {\n    personalConfigurations(first: $first, after: $after) {\n      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansConnectors($orderBy: ConnectorOrder) {\n    connectors(first: 20, orderBy: $orderBy) { edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount }\n  }\n"): (typeof documents)["\n  query PlansConnectors($orderBy: ConnectorOrder) {\n    connectors(first: 20, orderBy: $orderBy) { edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansConnectorsAfter($orderBy: ConnectorOrder, $after: String) {\n    connectors(first: 20, after: $after, orderBy: $orderBy) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query PlansConnectorsAfter($orderBy: ConnectorOrder, $after: String) {\n    connectors(first: 20, after: $after, orderBy: $orderBy) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansWithStatus { connectorsWithStatus { slug server { id status connector { id name } } } }\n"): (typeof documents)["\n  query PlansWithStatus { connectorsWithStatus { slug server { id status connector { id name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansLists($id: ID!) {\n    personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount }\n    auditEvents(first: 20) { edges { node { id action } } }\n    users(first: 20) { edges { node { id email } } totalCount }\n    apiKeys(first: 20) { edges { node { id } } totalCount }\n    webhooks(first: 20) { edges { node { id } } }\n    presets(first: 20) { edges { node { slug } } totalCount }\n    connector(id: $id) {\n      events(first: 20) { edges { node { id kind } } totalCount }\n      toolCalls(first: 20) { edges { node { id outcome } } totalCount }\n    }\n  }\n"): (typeof documents)["\n  query PlansLists($id: ID!) {\n    personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount }\n    auditEvents(first: 20) { edges { node { id action } } }\n    users(first: 20) { edges { node { id email } } totalCount }\n    apiKeys(first: 20) { edges { node { id } } totalCount }\n    webhooks(first: 20) { edges { node { id } } }\n    presets(first: 20) { edges { node { slug } } totalCount }\n    connector(id: $id) {\n      events(first: 20) { edges { node { id kind } } totalCount }\n      toolCalls(first: 20) { edges { node { id outcome } } totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansConnectorsSearch($search: String!) {\n    connectors(first: 20, filter: { search: $search }) { edges { node { id name } } totalCount }\n  }\n"): (typeof documents)["\n  query PlansConnectorsSearch($search: String!) {\n    connectors(first: 20, filter: { search: $search }) { edges { node { id name } } totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansAvailableTools { availableTools(first: 20) { edges { node { name } } totalCount } }\n"): (typeof documents)["\n  query PlansAvailableTools { availableTools(first: 20) { edges { node { name } } totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredPresets($filter: PresetFilter) {\n    presets(first: 100, filter: $filter) { totalCount edges { node { slug } } }\n    connectorsWithStatus(filter: $filter) { slug }\n  }\n"): (typeof documents)["\n  query FilteredPresets($filter: PresetFilter) {\n    presets(first: 100, filter: $filter) { totalCount edges { node { slug } } }\n    connectorsWithStatus(filter: $filter) { slug }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountConnectors {\n    connectors(first: 50) {\n      edges { node { id preset { slug tools { name } } tools { name inputSchema } createdBy { email } } }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query QueryCountConnectors {\n    connectors(first: 50) {\n      edges { node { id preset { slug tools { name } } tools { name inputSchema } createdBy { email } } }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountWithStatus {\n    connectorsWithStatus { slug server { id status connector { id tools { name } preset { slug } createdBy { email } } } }\n  }\n"): (typeof documents)["\n  query QueryCountWithStatus {\n    connectorsWithStatus { slug server { id status connector { id tools { name } preset { slug } createdBy { email } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueryCountSearch($first: Int, $search: String) {\n    connectors(first: $first, filter: { search: $search }) { edges { node { id } } totalCount }\n  }\n"): (typeof documents)["\n  query QueryCountSearch($first: Int, $search: String) {\n    connectors(first: $first, filter: { search: $search }) { edges { node { id } } totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityConnectors {\n    connectors(first: 100) { totalCount edges { node { id } } }\n  }\n"): (typeof documents)["\n  query VisibilityConnectors {\n    connectors(first: 100) { totalCount edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityConnector($id: ID!) { connector(id: $id) { id } }\n"): (typeof documents)["\n  query VisibilityConnector($id: ID!) { connector(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityPersonalConfigurations {\n    personalConfigurations(first: 100) { totalCount edges { node { id } } }\n  }\n"): (typeof documents)["\n  query VisibilityPersonalConfigurations {\n    personalConfigurations(first: 100) { totalCount edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityPersonalConfiguration($id: ID!) { personalConfiguration(id: $id) { id } }\n"): (typeof documents)["\n  query VisibilityPersonalConfiguration($id: ID!) { personalConfiguration(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"): (typeof documents)["\n  query VisibilityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityNode($id: ID!) { node(id: $id) { __typename id } }\n"): (typeof documents)["\n  query VisibilityNode($id: ID!) { node(id: $id) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityWithStatus { connectorsWithStatus { slug server { id } installations { id } } }\n"): (typeof documents)["\n  query VisibilityWithStatus { connectorsWithStatus { slug server { id } installations { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CapsConnectorEvents($filter: ConnectorFilter) {\n    connectorEvents(filter: $filter) {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription CapsConnectorEvents($filter: ConnectorFilter) {\n    connectorEvents(filter: $filter) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitOrderLastEvent($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }\n"): (typeof documents)["\n  query CommitOrderLastEvent($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionLatestEvent($id: ID!) { connector(id: $id) { version events(first: 1) { edges { node { id version } } } } }\n"): (typeof documents)["\n  query SubscriptionLatestEvent($id: ID!) { connector(id: $id) { version events(first: 1) { edges { node { id version } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionCurrentConnector($id: ID!) { connector(id: $id) { id name state version } }\n"): (typeof documents)["\n  query SubscriptionCurrentConnector($id: ID!) { connector(id: $id) { id name state version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConnectorEvents($id: ID, $filter: ConnectorFilter, $after: ID) {\n    connectorEvents(id: $id, filter: $filter, after: $after) {\n      id kind connectorId previousState state version at\n      actor { id }\n      connector { id name preset { slug } }\n    }\n  }\n"): (typeof documents)["\n  subscription ConnectorEvents($id: ID, $filter: ConnectorFilter, $after: ID) {\n    connectorEvents(id: $id, filter: $filter, after: $after) {\n      id kind connectorId previousState state version at\n      actor { id }\n      connector { id name preset { slug } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StateChanged($id: ID!) {\n    connectorStateChanged(id: $id) { id name state version statusReason tools { name disabled } }\n  }\n"): (typeof documents)["\n  subscription StateChanged($id: ID!) {\n    connectorStateChanged(id: $id) { id name state version statusReason tools { name disabled } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConfigurationChanged($id: ID!) {\n    personalConfigurationChanged(id: $id) { id name enabled healthStatus lastError }\n  }\n"): (typeof documents)["\n  subscription ConfigurationChanged($id: ID!) {\n    personalConfigurationChanged(id: $id) { id name enabled healthStatus lastError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MemoryLiveEvents($id: ID) { connectorEvents(id: $id) { id kind version state at } }\n"): (typeof documents)["\n  subscription MemoryLiveEvents($id: ID) { connectorEvents(id: $id) { id kind version state at } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionCreateConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SubscriptionCreateConfiguration($input: CreatePersonalConfigurationInput!) {\n    createPersonalConfiguration(input: $input) {\n      __typename\n      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionUpdateConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation SubscriptionUpdateConfiguration($input: UpdatePersonalConfigurationInput!) {\n    updatePersonalConfiguration(input: $input) {\n      __typename\n      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionTestConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SubscriptionTestConfiguration($id: ID!) {\n    testPersonalConfiguration(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionDeleteConfiguration($id: ID!) { deletePersonalConfiguration(id: $id) { __typename } }\n"): (typeof documents)["\n  mutation SubscriptionDeleteConfiguration($id: ID!) { deletePersonalConfiguration(id: $id) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionRedisViewer { viewer { role } }\n"): (typeof documents)["\n  query SubscriptionRedisViewer { viewer { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionHistory($id: ID!) { connector(id: $id) { events(first: 100) { edges { node { id version } } } } }\n"): (typeof documents)["\n  query SubscriptionHistory($id: ID!) { connector(id: $id) { events(first: 100) { edges { node { id version } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedEvents($id: ID) {\n    connectorEvents(id: $id) { id kind version connector { id name mcpEndpoint } }\n  }\n"): (typeof documents)["\n  subscription SharedEvents($id: ID) {\n    connectorEvents(id: $id) { id kind version connector { id name mcpEndpoint } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedState($id: ID!) {\n    connectorStateChanged(id: $id) { id name version mcpEndpoint }\n  }\n"): (typeof documents)["\n  subscription SharedState($id: ID!) {\n    connectorStateChanged(id: $id) { id name version mcpEndpoint }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedIn {\n    viewer { role user { id email name role } organization { id slug } }\n  }\n"): (typeof documents)["\n  query SignedIn {\n    viewer { role user { id email name role } organization { id slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Role {\n    viewer { role }\n  }\n"): (typeof documents)["\n  query Role {\n    viewer { role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantData($other: ID!) {\n    viewer { organization { slug } }\n    connectors(first: 50) { totalCount edges { node { id scope } } }\n    connector(id: $other) { id }\n    node(id: $other) { id }\n  }\n"): (typeof documents)["\n  query TenantData($other: ID!) {\n    viewer { organization { slug } }\n    connectors(first: 50) { totalCount edges { node { id scope } } }\n    connector(id: $other) { id }\n    node(id: $other) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    viewer { role user { id } organization { slug } }\n  }\n"): (typeof documents)["\n  query Me {\n    viewer { role user { id } organization { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerCacheRole { viewer { role } }\n"): (typeof documents)["\n  query ViewerCacheRole { viewer { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      user { id email role }\n      organization { id slug name }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      user { id email role }\n      organization { id slug name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreateWebhookSuccess {\n        secret\n        webhook { id url document variables description enabled }\n      }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreateWebhookSuccess {\n        secret\n        webhook { id url document variables description enabled }\n      }\n      ... on Error { message }\n      ... on ValidationError { fieldErrors { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on UpdateWebhookSuccess { webhook { id url document enabled description } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on UpdateWebhookSuccess { webhook { id url document enabled description } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) {\n      __typename\n      ... on DeleteWebhookSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) {\n      __typename\n      ... on DeleteWebhookSuccess { deletedId }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      __typename\n      ... on RotateWebhookSecretSuccess { secret webhook { id } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      __typename\n      ... on RotateWebhookSecretSuccess { secret webhook { id } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhookEvent($input: SendTestWebhookEventInput!) {\n    sendTestWebhookEvent(input: $input) {\n      __typename\n      ... on SendTestWebhookEventSuccess { delivery { id test status } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhookEvent($input: SendTestWebhookEventInput!) {\n    sendTestWebhookEvent(input: $input) {\n      __typename\n      ... on SendTestWebhookEventSuccess { delivery { id test status } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks($first: Int, $after: String) {\n    webhooks(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id url description enabled }\n    }\n  }\n"): (typeof documents)["\n  query Webhooks($first: Int, $after: String) {\n    webhooks(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id url description enabled }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: [WebhookDeliveryStatus!]) {\n    node(id: $id) {\n      ... on Webhook {\n        deliveries(first: $first, after: $after, filter: { status: $status }) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes {\n            id\n            eventId\n            connectorId\n            test\n            status\n            attempts\n            lastStatusCode\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            attemptHistory { statusCode error }\n            webhook { id }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: [WebhookDeliveryStatus!]) {\n    node(id: $id) {\n      ... on Webhook {\n        deliveries(first: $first, after: $after, filter: { status: $status }) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes {\n            id\n            eventId\n            connectorId\n            test\n            status\n            attempts\n            lastStatusCode\n            lastError\n            nextAttemptAt\n            deliveredAt\n            createdAt\n            attemptHistory { statusCode error }\n            webhook { id }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhookRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhookRename($input: UpdateConnectorInput!) {\n    updateConnector(input: $input) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;