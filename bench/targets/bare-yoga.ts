// The baseline: a bare graphql-yoga (no plugins, production mode) over Plugboard's own printed
// schema, answering from static memory: each root field answers the response as Plugboard
// gave it (BENCH_RESPONSES, a JSON file), so GraphQL execution walks the same shape.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type GraphQLObjectType, buildSchema } from "graphql";
import { createYoga } from "graphql-yoga";
import { serve } from "../harness/child.js";

const schema = buildSchema(readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8"));
const responses: Record<string, unknown> = JSON.parse(readFileSync(process.env.BENCH_RESPONSES!, "utf8"));
const query = schema.getQueryType() as GraphQLObjectType;
for (const [name, value] of Object.entries(responses)) query.getFields()[name].resolve = () => value;
const yoga = createYoga({ schema, graphiql: false, logging: false, landingPage: false });
const server = createServer(yoga);
server.listen(0, "127.0.0.1", () => {
  serve({ stop: () => ({}) });
  process.send!({ type: "ready", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });
});
