import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./scalars.js";
import "./modules/common/enums.js";
import "./modules/common/error-types.js";
import "./modules/viewer/types.js";
import "./modules/viewer/query.js";
import "./modules/tools/types.js";
import "./modules/presets/types.js";
import "./modules/presets/queries.js";
import "./modules/presets/with-status.js";
import "./modules/connector-events/types.js";
import "./modules/connectors/types.js";
import "./modules/connectors/queries.js";
import "./modules/connectors/mutations/createConnector.js";
import "./modules/connectors/mutations/updateConnector.js";
import "./modules/connectors/mutations/deleteConnector.js";
import "./modules/connectors/mutations/connectConnector.js";
import "./modules/connectors/mutations/disconnectConnector.js";
import "./modules/connectors/mutations/setToolDisabled.js";
import "./modules/connectors/mutations/refreshConnectorTools.js";
import "./modules/connectors/mutations/checkConnectorHealth.js";
import "./modules/connectors/subscriptions.js";
import "./modules/tool-calls/types.js";
import "./modules/tools/available.js";
import "./modules/personal-configurations/types.js";
import "./modules/personal-configurations/queries.js";
import "./modules/personal-configurations/mutations/createPersonalConfiguration.js";
import "./modules/personal-configurations/mutations/updatePersonalConfiguration.js";
import "./modules/personal-configurations/mutations/deletePersonalConfiguration.js";
import "./modules/personal-configurations/mutations/testPersonalConfiguration.js";
import "./modules/personal-configurations/subscriptions.js";
import "./modules/administration/types.js";
import "./modules/administration/queries.js";
import "./modules/administration/mutations/createApiKey.js";
import "./modules/administration/mutations/revokeApiKey.js";
import "./modules/administration/mutations/createUser.js";
import "./modules/administration/mutations/updateUserRole.js";
import "./modules/administration/mutations/deactivateUser.js";
import "./modules/administration/mutations/reactivateUser.js";
import "./modules/nodes/queries.js";

builder.queryType({ description: "What the viewer can read: connectors, the catalog, personal configurations, tools and any object by id" });
builder.mutationType({
  description: "Changes; each returns a result union: its Success type, or one of the expected errors that implement Error",
});
builder.subscriptionType({ description: "Live changes over graphql-ws (WebSocket) or SSE, with the same visibility as queries" });

export const schema = lexicographicSortSchema(builder.toSchema());
