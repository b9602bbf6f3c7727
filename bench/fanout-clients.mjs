// The fan-out's subscribers, in a worker thread of the bench's own process, so that their work
// never counts as the server's. Plain JavaScript: tsx's loader does not reach worker threads on
// every Node 20. mode "graphql-ws": half connectorEvents, half connectorStateChanged on Plugboard;
// mode "raw": plain sockets taking the raw broadcaster's frames, one per subscription.
import { parentPort, workerData } from "node:worker_threads";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const EVENTS = `subscription($id: ID!) { connectorEvents(id: $id) { id kind version state } }`;
const STATE = `subscription($id: ID!) { connectorStateChanged(id: $id) { id name state version } }`;
const now = () => performance.timeOrigin + performance.now();

/** @type {{ mode: "graphql-ws" | "raw"; url: string; key: string; connectorId: string; subscribers: number; sockets: number }} */
const config = workerData;
/** per subscriber: the versions it was given, and when */
const received = Array.from({ length: config.subscribers }, () => ({ versions: [], at: [] }));
const sentAt = new Map();
let initial = 0;
let initialWanted = 0;
const closers = [];

function deliver(n, version) {
  received[n].versions.push(version);
  received[n].at.push(now());
}

function graphqlWsSocket() {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: config.url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
      connectionParams: { authorization: `Bearer ${config.key}` }, onNonLazyError: reject,
    });
    client.on("connected", () => resolve(client));
  });
}

function rawSocket(subscriptions, first) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(config.url);
    const seen = new Map(); // version -> frames so far on this socket
    ws.on("open", () => { ws.send(JSON.stringify({ subscriptions })); resolve(ws); });
    ws.on("error", reject);
    ws.on("message", (m) => {
      const version = JSON.parse(String(m)).payload.data.connectorStateChanged.version;
      const k = seen.get(version) ?? 0;
      seen.set(version, k + 1);
      deliver(first + k, version);
    });
  });
}

async function open() {
  const perSocket = Math.ceil(config.subscribers / config.sockets);
  // a few sockets at a time: hundreds of handshakes at once would only measure the accept queue
  for (let s = 0; s < config.sockets; s += 25) {
    await Promise.all(Array.from({ length: Math.min(25, config.sockets - s) }, async (_, j) => {
      const socket = s + j;
      const first = socket * perSocket;
      const count = Math.max(0, Math.min(perSocket, config.subscribers - first));
      if (config.mode === "raw") {
        const ws = await rawSocket(count, first);
        closers.push(() => ws.close());
        return;
      }
      const client = await graphqlWsSocket();
      closers.push(() => client.dispose());
      for (let n = first; n < first + count; n++) {
        const state = n % 2 === 1;
        if (state) initialWanted++;
        let first = state; // connectorStateChanged begins with the connector as it is
        client.subscribe({ query: state ? STATE : EVENTS, variables: { id: config.connectorId } }, {
          next: ({ data }) => {
            const version = Object.values(data ?? {})[0]?.version ?? -1;
            if (first) { first = false; if (++initial === initialWanted) parentPort.postMessage({ type: "initial" }); return; }
            deliver(n, version);
          },
          error: (e) => parentPort.postMessage({ type: "error", message: String(e?.reason ?? e?.message ?? e) }),
          complete: () => {},
        });
      }
    }));
  }
  parentPort.postMessage({ type: "subscribed" });
  if (initialWanted === 0) parentPort.postMessage({ type: "initial" });
}

parentPort.on("message", async (m) => {
  if (m.type === "sent") sentAt.set(m.version, m.at);
  if (m.type === "progress") parentPort.postMessage({ type: "progress", deliveries: received.reduce((a, r) => a + r.versions.length, 0) });
  if (m.type === "report") {
    // in order and complete: exactly from+1 … to, each once
    const want = Array.from({ length: m.to - m.from }, (_, i) => m.from + 1 + i);
    let complete = 0;
    const latencies = [];
    for (const r of received) {
      if (r.versions.length === want.length && r.versions.every((v, i) => v === want[i])) complete++;
      r.versions.forEach((v, i) => sentAt.has(v) && latencies.push(r.at[i] - sentAt.get(v)));
    }
    latencies.sort((a, b) => a - b);
    parentPort.postMessage({ type: "report", complete, latencies });
  }
  if (m.type === "close") {
    await Promise.all(closers.map((c) => c()));
    parentPort.postMessage({ type: "closed" });
  }
});
void open();
