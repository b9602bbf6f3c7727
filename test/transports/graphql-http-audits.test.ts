import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";

// graphql-http's audits of the GraphQL over HTTP spec: every MUST and SHOULD (a MAY is a choice)
describe("GraphQL over HTTP (graphql-http's serverAudits)", async () => {
  const server = await startServer();
  const { alice } = await team();
  const url = `${server.url}/graphql`;
  const audits = serverAudits({
    url,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set("authorization", `Bearer ${alice.key}`);
      return fetch(input, { ...init, headers });
    },
  });

  for (const audit of audits.filter((a) => a.name.startsWith("MUST") || a.name.startsWith("SHOULD"))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === "ok" ? "ok" : `${result.status}: ${"reason" in result ? result.reason : ""}`).toBe("ok");
    });
  }
});
