// The transport's limit: node:http answering every POST with the same small JSON body.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "../harness/child.js";

const body = Buffer.from(JSON.stringify({ data: { __typename: "Query" } }));
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body));
});
server.listen(0, "127.0.0.1", () => {
  serve({ stop: () => ({}) });
  process.send!({ type: "ready", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });
});
