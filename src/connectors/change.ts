import type { Tx } from "../db/client.js";
import { CONFLICT, optimisticWrite } from "../db/optimistic.js";
import { NotFoundError } from "../errors.js";
import { publishConnectorEvent } from "../events/publish.js";
import type { Connector, Prisma } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { eventKind, type ToolChanges, writeEvent } from "./events.js";
import { type ConnectorAction, transition } from "./state-machine.js";

export interface ConnectorChange {
  /** a lifecycle action: decides the new state through the state machine */
  action?: ConnectorAction;
  /** the change is to the connector's tools (event TOOLS_CHANGED unless the state moves too) */
  toolsChanged?: boolean;
  data?: Prisma.ConnectorUpdateManyMutationInput;
  /** what a discovery changed, recorded on the event */
  toolChanges?: ToolChanges | null;
  /** more writes in the same transaction (tools, authorizations); only `tx` may be used inside */
  also?: (tx: Tx, connector: Connector) => Promise<unknown>;
  /**
   * The server's bookkeeping, which nobody watches (lastSyncAt, a failure count, a tool's position):
   * written under the same version check, but with no new version, no updatedAt and no event.
   */
  quiet?: boolean;
}

export interface ChangeOptions {
  id: string;
  actorId: string | null;
  /** decides the change from the connector as it is now (null: nothing to write); may throw a DomainError */
  decide: (current: Connector) => ConnectorChange | null | Promise<ConnectorChange | null>;
  /** restricts which rows count (visibility); a miss is NotFound */
  where?: Prisma.ConnectorWhereInput;
}

type Deps = Pick<CoreServices, "db" | "pubsub">;

/**
 * The one way a connector changes: decide from the current row, write it only if `version` is still
 * the one read, bump version and updatedAt, write the event row in the same transaction, and
 * publish only after commit. `decide` may run more than once: it must not talk to the network.
 */
export function changeConnector({ db, pubsub }: Deps, options: ChangeOptions): Promise<Connector> {
  return optimisticWrite(`connector ${options.id}`, async () => {
    const current = await db.connector.findFirst({ where: { id: options.id, ...options.where } });
    if (!current) throw new NotFoundError(options.id, "connector");
    const change = await options.decide(current);
    if (!change) return current;
    const state = change.action ? transition(current.state, change.action) : current.state;
    if (change.quiet && state === current.state) {
      const row = await db.$transaction(async (tx) => {
        const [row] = await tx.connector.updateManyAndReturn({
          where: { id: current.id, version: current.version },
          data: { ...change.data, updatedAt: current.updatedAt },
        });
        if (row) await change.also?.(tx, current);
        return row;
      });
      return row ?? CONFLICT;
    }
    const written = await db.$transaction(async (tx) => {
      // one UPDATE … RETURNING: the version check and the new row, with no read after commit
      const [row] = await tx.connector.updateManyAndReturn({
        where: { id: current.id, version: current.version },
        data: { ...change.data, state, version: current.version + 1 },
      });
      if (!row) return null; // someone else changed it first: decide again
      await change.also?.(tx, current);
      const kind = eventKind(current.state, state, change.toolsChanged ?? false);
      return { row, event: await writeEvent(tx, row, kind, current.state, options.actorId, change.toolChanges) };
    });
    if (!written) return CONFLICT;
    publishConnectorEvent(pubsub, written.event);
    return written.row;
  });
}
