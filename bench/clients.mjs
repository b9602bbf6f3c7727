// The benchmark's subscribers, in a worker thread so that their work does not count as the server's.
// Plain JavaScript: tsx's loader does not reach worker threads on every Node 20.
import { parentPort, workerData } from "node:worker_threads";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const EVENTS = `subscription($id: ID!) { connectorEvents(id: $id) { id kind version state } }`;
const STATE = `subscription($id: ID!) { connectorStateChanged(id: $id) { id name state version } }`;
const now = () => performance.timeOrigin + performance.now();

/** @type {{ url: string; keys: string[]; connectorId: string; subscribers: number; sockets: number; perKey: number; kind: string }} */
const config = workerData;
const clients = [];
let expected = Number.POSITIVE_INFINITY;
const deliveries = [];
let initial = 0;
let stateCount = 0;

function connect(i) {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: config.url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${config.keys[Math.floor(i / config.perKey)]}` },
      onNonLazyError: reject,
    });
    client.on("connected", () => resolve(client));
  });
}

async function open() {
  // a few sockets at a time: hundreds of handshakes at once would only measure the accept queue
  for (let i = 0; i < config.sockets; i += 25) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(25, config.sockets - i) }, (_, j) => connect(i + j)))));
  }
  for (let n = 0; n < config.subscribers; n++) {
    const state = config.kind === "state" || (config.kind === "mixed" && n % 2 === 1);
    if (state) stateCount++;
    clients[n % config.sockets].subscribe(
      { query: state ? STATE : EVENTS, variables: { id: config.connectorId } },
      {
        next: ({ data }) => {
          const version = Object.values(data ?? {})[0]?.version ?? 0;
          if (version < expected) {
            if (++initial === stateCount) parentPort.postMessage({ type: "initial" });
            return;
          }
          deliveries.push(now());
          if (deliveries.length === config.subscribers) parentPort.postMessage({ type: "done", deliveries });
        },
        error: (e) => parentPort.postMessage({ type: "error", message: String(e?.reason ?? e) }),
        complete: () => {},
      },
    );
  }
  parentPort.postMessage({ type: "subscribed", stateCount });
  if (stateCount === 0) parentPort.postMessage({ type: "initial" });
}

parentPort.on("message", async (m) => {
  if (m.type === "expect") expected = m.version;
  if (m.type === "close") {
    await Promise.all(clients.map((c) => c.dispose()));
    parentPort.postMessage({ type: "closed" });
  }
});
void open();
