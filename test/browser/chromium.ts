import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/paths.js";

/**
 * Debian's Chromium (installed by scripts/chromium.sh, never downloaded), headless and kept off the
 * network: every request to another origin is blocked and counted, and so is every
 * Content-Security-Policy violation the page reports.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts", "graphiql");

export interface Browser {
  page: Page;
  /** requests to another origin than the server's, each blocked */
  outside: string[];
  /** securitypolicyviolation events: "<directive> <blocked>" */
  violations: string[];
  /** uncaught errors in the page */
  errors: string[];
  /** a screenshot of the page now, as test-artifacts/graphiql/<n>-<name>.png */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(origin: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "plugboard-chromium-"));
  await mkdir(ARTIFACTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1600, height: 1000 },
    // the tests paste documents into the editors, as people do
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const outside: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  await context.exposeBinding("__reportViolation", (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => errors.push(e.message));
  // WebSockets are not routed by context.route: count those too
  page.on("websocket", (ws) => {
    if (new URL(ws.url()).host !== new URL(origin).host) outside.push(ws.url());
  });
  let step = 0;
  return {
    page,
    outside,
    violations,
    errors,
    shot: async (name) => void (await page.screenshot({ path: join(ARTIFACTS, `${String(++step).padStart(2, "0")}-${name}.png`) })),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
