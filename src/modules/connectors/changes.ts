import { prisma } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { NotFoundError } from "../../errors.js";
import { publishConnectorEvent } from "../../events/publish.js";
import type { PubSub } from "../../events/pubsub.js";
import type { Connector, ConnectorEvent, Prisma } from "../../generated/prisma/client.js";
import type { ConnectorEventKind } from "../../generated/prisma/enums.js";
import { type ConnectorAction, transition } from "./state-machine.js";

type Tx = Prisma.TransactionClient;

export interface ConnectorChange {
  kind: Exclude<ConnectorEventKind, "CREATED" | "DELETED">;
  /** a lifecycle action: decides the new state through the state machine */
  action?: ConnectorAction;
  data?: Prisma.ConnectorUpdateManyMutationInput;
  /** more writes in the same transaction (tools, authorizations); only `tx` may be used inside */
  also?: (tx: Tx, connector: Connector) => Promise<unknown>;
}

export interface ChangeOptions {
  id: string;
  actorId: string | null;
  pubsub: PubSub;
  /** decides the change from the connector as it is now; may throw a DomainError */
  decide: (current: Connector) => ConnectorChange | Promise<ConnectorChange>;
  /** restricts which rows count (visibility); a miss is NotFound */
  where?: Prisma.ConnectorWhereInput;
}

// Under heavy contention (dozens of writers on one connector) a loser backs off with jitter, so
// every accepted request lands instead of giving up after a few collisions.
const MAX_ATTEMPTS = 200;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 2)));

/**
 * The one way a connector changes: decide from the current row, write it only if `version` is still
 * the one read (optimistic concurrency: the same on PGlite and PostgreSQL), bump version and
 * updatedAt, write the event row in the same transaction, and publish only after commit.
 */
export async function changeConnector(options: ChangeOptions): Promise<Connector> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await prisma.connector.findFirst({ where: { id: options.id, ...options.where } });
    if (!current) throw new NotFoundError(options.id, "connector");
    const change = await options.decide(current);
    const state = change.action ? transition(current.state, change.action) : current.state;
    const version = current.version + 1;
    const written = await prisma.$transaction(async (tx) => {
      // one UPDATE … RETURNING: the version check and the new row, with no read after commit
      const [row] = await tx.connector.updateManyAndReturn({
        where: { id: current.id, version: current.version },
        data: { ...change.data, state, version },
      });
      if (!row) return null; // someone else changed it first: decide again
      await change.also?.(tx, current);
      const kind = change.kind === "UPDATED" && state !== current.state ? "STATE_CHANGED" : change.kind;
      return { row, event: await writeEvent(tx, row, kind, current.state, options.actorId) };
    });
    if (!written) {
      await backoff(attempt);
      continue;
    }
    publishConnectorEvent(options.pubsub, written.event);
    return written.row;
  }
  throw new Error(`connector ${options.id} kept changing under ${MAX_ATTEMPTS} attempts`);
}

/** An event row: the audit trail entry and the outbox of subscriptions. */
export function writeEvent(
  tx: Tx,
  c: Pick<Connector, "id" | "organizationId" | "scope" | "createdById" | "ownerApiKeyId" | "state" | "version">,
  kind: ConnectorEventKind,
  previousState: Connector["state"] | null,
  actorId: string | null,
): Promise<ConnectorEvent> {
  return tx.connectorEvent.create({
    data: {
      id: newId("evt"),
      connectorId: c.id,
      organizationId: c.organizationId,
      scope: c.scope,
      ownerUserId: c.createdById,
      ownerApiKeyId: c.ownerApiKeyId,
      kind,
      previousState,
      state: kind === "DELETED" ? null : c.state,
      version: c.version,
      actorId,
    },
  });
}
