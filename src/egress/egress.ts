import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, type Dispatcher, fetch as undiciFetch } from "undici";
import { type Allowlist, judge, parseAllowlist } from "./allowlist.js";
import { describeFailure, EgressError, PolicyRefusal } from "./errors.js";

/** How host names are resolved: dns.lookup's `all: true` form. Tests pass their own. */
export type Resolve = (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export interface EgressOptions {
  /** parsed EGRESS_ALLOWLIST (or its text) */
  allowlist: Allowlist | string;
  /** the most a connection (DNS, TCP, TLS) may take, and by default the wait for response headers */
  timeoutMs: number;
  /** the wait for response headers; default timeoutMs. A tool call answered in JSON may need more */
  headersTimeoutMs?: number;
  /** the most a response body may stay silent; default 5 min (an idle SSE stream is then reopened) */
  bodyTimeoutMs?: number;
  resolve?: Resolve;
}

export interface Egress {
  /** fetch for every outbound request made for a connector: never follows a redirect */
  fetch: typeof fetch;
  /** the undici dispatcher behind it, for code that calls undici itself */
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

const defaultResolve: Resolve = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * The resolution net.connect uses: every address is judged, and only allowed ones are handed back,
 * so the address checked is the address connected to (nothing can rebind in between).
 */
function guardedLookup(allowlist: Allowlist, resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: Error | null, address: string | LookupAddress[], family?: number) => void;
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return done(err, "", 0);
      const verdicts = addresses.map((a) => ({ a, v: judge(a.address, hostname, allowlist) }));
      const allowed = verdicts.filter((x) => x.v.allowed).map((x) => x.a);
      if (!allowed.length) {
        const first = verdicts.find((x) => !x.v.allowed)?.v;
        return done(new PolicyRefusal(first && !first.allowed ? first.reason : `${hostname} resolves to nothing`), "", 0);
      }
      if (options.all) return done(null, allowed);
      done(null, allowed[0].address, allowed[0].family);
    });
  };
}

function toUrl(input: Parameters<typeof fetch>[0]): URL {
  return new URL(typeof input === "string" || input instanceof URL ? input : input.url);
}

/**
 * One egress policy for every request the server makes for a connector: the host is resolved at
 * connect time, loopback, private, link-local and other non-public addresses are refused unless
 * allowlisted, redirects are returned as they are, and any failure before an answer is an
 * EgressError with one message.
 */
export function createEgress(options: EgressOptions): Egress {
  const allowlist = typeof options.allowlist === "string" ? parseAllowlist(options.allowlist) : options.allowlist;
  const { timeoutMs } = options;
  const connector = buildConnector({ timeout: timeoutMs, lookup: guardedLookup(allowlist, options.resolve ?? defaultResolve) });
  // net.connect skips the lookup for an IP literal, so those are judged here
  const connect: buildConnector.connector = (opts, callback) => {
    if (isIP(opts.hostname)) {
      const verdict = judge(opts.hostname, undefined, allowlist);
      if (!verdict.allowed) return queueMicrotask(() => callback(new PolicyRefusal(verdict.reason), null));
    }
    connector(opts, callback);
  };
  const dispatcher = new Agent({
    connect,
    headersTimeout: options.headersTimeoutMs ?? timeoutMs,
    bodyTimeout: options.bodyTimeoutMs ?? 300_000,
  });

  const egressFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    let url: URL;
    try {
      url = toUrl(input);
    } catch {
      throw new EgressError("not a URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new EgressError(`refused by policy: ${url.protocol} is not HTTP`);
    const fromRequest = input instanceof Request
      ? { method: input.method, headers: input.headers, signal: input.signal, ...(input.body ? { body: input.body, duplex: "half" } : {}) }
      : {};
    try {
      const response = await undiciFetch(url, { ...fromRequest, ...init, redirect: "manual", dispatcher } as never);
      return response as unknown as Response;
    } catch (e) {
      // the caller's own cancellation stays what it is (the SDK's transports rely on AbortError)
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (signal?.aborted && (signal.reason as Error | undefined)?.name !== "TimeoutError") throw e;
      throw new EgressError(describeFailure(e, timeoutMs));
    }
  };

  return { fetch: egressFetch as typeof fetch, dispatcher, close: () => dispatcher.close() };
}
