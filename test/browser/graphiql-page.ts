import type { Locator, Page } from "playwright-core";

/**
 * GraphiQL as a person uses it, through its own controls. The editors are Monaco: documents go in
 * by pasting (typed, Monaco's bracket auto-closing would double them), keys by typing, and text is
 * read from the rendered lines, Monaco's non-breaking spaces as spaces.
 */
export function graphiql(page: Page) {
  const queryEditor = page.locator(".graphiql-query-editor .monaco-editor");
  const headersEditor = page.getByRole("region", { name: "Headers" }).getByRole("code");
  const text = async (editor: Locator) => (await editor.innerText()).replace(/\u00a0/g, " ");
  return {
    queryEditor,
    headersEditor,
    query: () => text(queryEditor),
    headers: () => text(headersEditor),
    response: () => text(page.locator(".graphiql-response .view-lines")),
    /**
     * Replaces the query editor's document, as a paste from the clipboard, and waits until GraphiQL
     * has read it (the tab takes the operation's name): a run before that sends the old name.
     */
    async pasteQuery(document: string) {
      await page.evaluate((t) => navigator.clipboard.writeText(t), document);
      await queryEditor.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("ControlOrMeta+V");
      const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(document)?.[1];
      if (name) await page.locator(".graphiql-tab-active").getByText(name, { exact: true }).waitFor();
    },
    async run() {
      await page.getByRole("button", { name: /^Execute query/ }).click();
    },
    async stop() {
      await page.getByRole("button", { name: /^Stop query/ }).click();
    },
  };
}
