import { afterAll, describe, expect, it } from "vitest";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { openBrowser } from "./chromium.js";
import { graphiql } from "./graphiql-page.js";

// One person's first session in GraphiQL, step by step on one page (each step starts where the last
// one left it), in Debian's Chromium with every request to another origin blocked. Screenshots of
// each step go to test-artifacts/graphiql/. Run by `npm run test:browser`, not by `npm test`.
describe("GraphiQL in Chromium", async () => {
  const server = await startServer();
  const { alice } = await team();
  const api = connectors(server.as(alice.key));
  const connector = await api.created({ presetSlug: "github", name: "Acme GitHub" });
  const browser = await openBrowser(server.url);
  afterAll(() => browser.close());
  const { page, shot } = browser;
  const ui = graphiql(page);

  it("renders from the server alone, with the welcome text and the Headers template", async () => {
    await page.goto(`${server.url}/graphql`);
    await ui.queryEditor.waitFor();
    await expect.poll(ui.query).toContain("# Your API key goes in the Headers tab below:");
    expect(await ui.headers()).toContain('{"Authorization": "Bearer "}');
    await shot("loaded");
    expect(browser.outside).toEqual([]);
  });

  it("lists Connector's fields with their descriptions in the docs explorer, before any key", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    // the root page lists all schema types, which only an introspection without a key can have loaded
    await docs.locator("a.graphiql-doc-explorer-type-name").filter({ hasText: /^Connector$/ }).click();
    await expect.poll(() => docs.locator(".graphiql-doc-explorer-title").innerText()).toBe("Connector");
    const text = await docs.innerText();
    expect(text).toContain("version: Int!");
    expect(text).toContain("+1 on every change; events carry it, so clients can order them");
    expect(text).toContain("isConfigured: Boolean!");
    expect(text).toContain("configuration satisfies the preset's configSchema");
    await shot("docs-connector");
    await page.getByRole("button", { name: "Hide Documentation Explorer" }).click();
  });

  it("autocompletes field names from the schema", async () => {
    await ui.pasteQuery("query Complete {\n  connectorsWi\n}");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".suggest-widget");
    await expect.poll(() => suggestions.innerText()).toContain("connectorsWithStatus");
    await shot("autocomplete");
    await page.keyboard.press("Escape");
  });

  const watch = `subscription WatchConnector {
  connectorStateChanged(id: "${connector.id}") { id name state version }
}`;

  it("shows the server's own message for a subscription refused without a key", async () => {
    await ui.pasteQuery(watch);
    await ui.run();
    await expect.poll(ui.response).toContain("(WebSocket closed with code 4401)");
    const text = await ui.response();
    expect(text).toContain("Unauthorized: send");
    expect(text).not.toContain("isTrusted");
    await shot("subscription-refused");
  });

  it("runs a query with the key typed into the Headers editor", async () => {
    await ui.headersEditor.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("ArrowLeft"); // before }
    await page.keyboard.press("ArrowLeft"); // before the closing quote, after "Bearer "
    await page.keyboard.type(alice.key);
    await expect.poll(ui.headers).toContain(`"Bearer ${alice.key}"`);
    await ui.pasteQuery("query Me {\n  viewer { role organization { name } }\n  connector(id: \"" + connector.id + "\") { name state }\n}");
    await ui.run();
    await expect.poll(ui.response).toContain('"role": "ADMIN"');
    expect(await ui.response()).toContain('"name": "Acme GitHub"');
    await shot("query-with-key");
  });

  it("streams a connector's current state, then its new version after a mutation over HTTP", async () => {
    await ui.pasteQuery(watch);
    await ui.run();
    await expect.poll(ui.response).toContain(`"version": ${connector.version}`);
    expect(await ui.response()).toContain('"state": "CREATED"');
    await shot("subscription-current");

    const updated = await api.update({ id: connector.id, name: "Acme GitHub (renamed)" });
    expect(updated.__typename).toBe("UpdateConnectorSuccess");
    await expect.poll(ui.response).toContain(`"version": ${connector.version + 1}`);
    expect(await ui.response()).toContain('"name": "Acme GitHub (renamed)"');
    await shot("subscription-next-version");
    await ui.stop();
  });

  it("asked nothing of another origin, broke no CSP rule and threw nothing, start to end", () => {
    expect(browser.outside).toEqual([]);
    expect(browser.violations).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
