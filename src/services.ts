import type { Viewer } from "./auth/viewer.js";
import type { ServerConfig } from "./config.js";
import type { Secrets } from "./crypto/secrets.js";
import type { Db } from "./db/client.js";
import type { ChangeFeed } from "./events/change-feed.js";
import type { ConnectorHubs } from "./events/listen.js";
import type { PubSub } from "./events/pubsub.js";
import type { Connector, PersonalConfiguration } from "./generated/prisma/client.js";
import type { Logger } from "./logger.js";

/**
 * What the connector lifecycle needs from OAuth. The domain layer calls it through this port, so that
 * src/connectors never imports src/oauth (which calls the domain layer to change connectors).
 */
export interface AuthorizationFlows {
  /** Starts the consent flow: AUTH_REQUIRED with a pending authorization (re-checked as `viewer` when given). */
  begin(input: { connector: Connector; redirectUrl: string | null; viewer: Viewer | null; origin: string }): Promise<Connector>;
  /** Whether an MCP server asks for authorization (its 401 to an unauthenticated initialize). */
  probe(url: string): Promise<"authorization-required" | "open">;
  /** Revokes the connector's tokens at its provider; best effort, never throws. */
  revoke(connector: Connector): Promise<void>;
}

export interface CoreServices {
  db: Db;
  secrets: Secrets;
  pubsub: PubSub;
  logger: Logger;
  config: ServerConfig;
}

/** Built once by the composition root (main.ts, or a test's server) and passed down; never a global. */
export interface Services extends CoreServices {
  authorization: AuthorizationFlows;
  /** this app's fan-out of committed connector events to its subscribers */
  connectorEvents: ConnectorHubs;
  /** this app's fan-out of personal configuration changes */
  personalConfigurationChanges: ChangeFeed<PersonalConfiguration>;
}

type Makers = { [K in Exclude<keyof Services, keyof CoreServices>]: (services: Services) => Services[K] };

/** The ports are made from the very services they serve (OAuth changes connectors through them). */
export function assembleServices(core: CoreServices, make: Makers): Services {
  const services = { ...core } as Services;
  services.authorization = make.authorization(services);
  services.connectorEvents = make.connectorEvents(services);
  services.personalConfigurationChanges = make.personalConfigurationChanges(services);
  return services;
}
