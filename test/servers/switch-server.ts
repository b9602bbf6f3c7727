import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server at the connector's URL behaves for now. */
export type Behaviour = "mcp" | "fail" | "html" | "hang";

export interface SwitchServer {
  /** the URL a connector keeps while the server behind it is fixed */
  url: string;
  /** how the next requests are answered */
  set(behaviour: Behaviour): void;
  stop(): Promise<void>;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * One address whose server goes from broken to working: "mcp" passes every request through to a
 * real MCP server (`target`, its path kept), the others fail as the broken servers do (500, a web
 * page, no answer at all). For the tests that a connector in ERROR comes back once its server works.
 */
export async function startSwitch(target: string, options: { behaviour?: Behaviour; port?: number } = {}): Promise<SwitchServer> {
  let behaviour: Behaviour = options.behaviour ?? "mcp";
  const upstream = new URL(target);
  const http = createServer((req, res) => {
    if (behaviour === "hang") return void req.resume();
    if (behaviour === "fail") return void req.resume().on("end", () => res.writeHead(500, { "content-type": "text/plain" }).end("down for maintenance"));
    if (behaviour === "html") return void req.resume().on("end", () => res.writeHead(200, { "content-type": "text/html" }).end("<html>parked</html>"));
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    res.on("close", () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    set: (b) => void (behaviour = b),
    stop: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
