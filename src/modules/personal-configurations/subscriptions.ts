import { canSeePersonalConfiguration, visiblePersonalConfigurationsWhere } from "../../auth/visibility.js";
import type { Viewer } from "../../auth/viewer.js";
import { builder } from "../../builder.js";
import { prisma } from "../../db/client.js";
import { isIdOf } from "../../db/ids.js";
import { NotFoundError } from "../../errors.js";
import { Channel, END, pull, SKIP } from "../../events/channel.js";
import { LIMITS, tooSlow } from "../../events/limits.js";
import type { PubSub } from "../../events/pubsub.js";
import type { PersonalConfigurationMessage } from "../../events/topics.js";
import type { PersonalConfiguration } from "../../generated/prisma/client.js";
import { PersonalConfigurationType } from "./types.js";

const RELOAD = Symbol("reload");
type Item = PersonalConfigurationMessage | typeof RELOAD | { current: PersonalConfiguration } | { error: Error };

// Every subscriber of one id receives the same message object (the event target dispatches one event
// to all its listeners), so keying the re-load on it makes one query per change, not per subscriber.
const loads = new WeakMap<PersonalConfigurationMessage, Promise<PersonalConfiguration | null>>();
const load = (id: string) => prisma.personalConfiguration.findUnique({ where: { id } });
function loadFor(m: PersonalConfigurationMessage) {
  let p = loads.get(m);
  if (!p) loads.set(m, (p = load(m.personalConfigurationId)));
  return p;
}

/** The configuration now, then after every change (health included); ends after its delete. */
async function personalConfigurationStream(bus: PubSub, viewer: Viewer, id: string) {
  if (!isIdOf("pconf", id)) throw new NotFoundError(id, "personal configuration");
  const source = bus.subscribe("personal-configuration", id);
  const channel = new Channel<Item>(LIMITS.queuedEventsPerSubscriber, () => ({ error: tooSlow() }), () => {
    void source.return?.();
    stopReloads();
  });
  // messages published while Redis was away are lost: re-read once it is back
  const stopReloads = bus.onReconnect(() => channel.push(RELOAD));
  void (async () => {
    for await (const m of source) channel.push(m);
    channel.end();
  })().catch(() => channel.end());

  await channel.startWith(
    () => prisma.personalConfiguration.findFirst({ where: { id, ...visiblePersonalConfigurationsWhere(viewer) } }),
    (current) => ({ current }),
    () => new NotFoundError(id, "personal configuration"),
  );
  let last = 0;

  return pull(
    channel,
    async (item) => {
      if (typeof item === "object" && "error" in item) return item.error;
      if (typeof item === "object" && "current" in item) {
        last = item.current.version;
        return item.current;
      }
      if (item !== RELOAD && (item.deleted || item.version <= last)) return item.deleted ? END : SKIP;
      const p = item === RELOAD ? await load(id) : await loadFor(item);
      if (!p || !canSeePersonalConfiguration(viewer, p)) return END;
      if (p.version <= last) return SKIP;
      last = p.version;
      return p;
    },
    (err) => {
      bus.logger?.error({ err, personalConfigurationId: id }, "personalConfigurationChanged failed");
      return err instanceof Error ? err : new Error(String(err));
    },
  );
}

builder.subscriptionFields((t) => ({
  personalConfigurationChanged: t.field({
    type: PersonalConfigurationType,
    description: "The configuration now, then again on every change (health included).",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => personalConfigurationStream(ctx.pubsub, ctx.viewer, args.id),
    resolve: (payload) => {
      if (payload instanceof Error) throw payload;
      return payload;
    },
  }),
}));
