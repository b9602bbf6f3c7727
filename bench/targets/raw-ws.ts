// The fan-out's baseline: a raw `ws` server that, for each change, sends one pre-serialized frame
// once per subscription on every socket (what a subscription server can at best do).
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { serve } from "../harness/child.js";

const sockets = new Map<WebSocket, number>();
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("connection", (ws) => {
  ws.on("message", (m) => {
    // the client says how many subscriptions it holds on this socket
    sockets.set(ws, Number(JSON.parse(String(m)).subscriptions));
  });
  ws.on("close", () => sockets.delete(ws));
});
wss.on("listening", () => {
  serve({
    subscribers: () => ({ count: [...sockets.values()].reduce((a, b) => a + b, 0) }),
    broadcast: ({ version }) => {
      const frame = JSON.stringify({ type: "next", payload: { data: { connectorStateChanged: { id: "conn_bench", name: `Bench ${version}`, state: "CREATED", version } } } });
      for (const [ws, n] of sockets) for (let i = 0; i < n; i++) ws.send(frame);
      return {};
    },
    stop: () => ({}),
  });
  process.send!({ type: "ready", url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` });
});
