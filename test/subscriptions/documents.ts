import { graphql } from "../gql/index.js";

/** The subscription documents several test files share. */
export const Events = graphql(`
  subscription ConnectorEvents($id: ID, $filter: ConnectorFilter, $after: ID) {
    connectorEvents(id: $id, filter: $filter, after: $after) {
      id kind connectorId previousState state version at
      actor { id }
      connector { id name preset { slug } }
    }
  }
`);

export const StateChanged = graphql(`
  subscription StateChanged($id: ID!) {
    connectorStateChanged(id: $id) { id name state version statusReason tools { name disabled } }
  }
`);

export const ConfigurationChanged = graphql(`
  subscription ConfigurationChanged($id: ID!) {
    personalConfigurationChanged(id: $id) { id name enabled healthStatus lastError }
  }
`);
