import { type Cidr, cidrContains, forbiddenReason, type Ip, parseCidr, parseIp, unmapped } from "./addresses.js";

/** Where the egress policy lets requests go although the address is not public. */
export interface Allowlist {
  /** host names, lower case without a trailing dot: whatever they resolve to is allowed */
  hosts: readonly string[];
  /** addresses and ranges */
  cidrs: readonly Cidr[];
}

export const EMPTY_ALLOWLIST: Allowlist = { hosts: [], cidrs: [] };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// WHATWG URL parsing reads a host whose last label is a number as IPv4 (127.1, 0x7f.1, 2130706433)
const NUMERIC_LAST_LABEL = /(^|\.)(0x[0-9a-f]*|\d+)$/;

function problem(entry: string): string | null {
  if (entry.includes("://")) return "is a URL: give only its host name";
  if (entry.includes("/")) {
    return parseCidr(entry) ? null : "is not a CIDR range (an IPv4 or IPv6 address, '/', then a prefix length that fits it)";
  }
  if (parseIp(entry)) return null;
  if (/[:[\]]/.test(entry)) return "is not an IPv6 address (a host name with a port or a URL is not accepted either)";
  if (NUMERIC_LAST_LABEL.test(entry)) return "is not an IPv4 address: write it as four decimal numbers, e.g. 127.0.0.1";
  return entry.split(".").every((label) => LABEL.test(label)) ? null : "is not a host name, an IP address or a CIDR range";
}

/**
 * Parses EGRESS_ALLOWLIST: comma-separated host names, IP addresses and CIDR ranges, e.g.
 * `127.0.0.1`, `127.0.0.0/8,::1` or `mcp.internal.example`. Empty or unset: nothing is allowed beyond
 * public addresses. Throws one error naming every bad entry.
 */
export function parseAllowlist(value: string | null | undefined): Allowlist {
  const entries = (value ?? "").split(",").map((e) => e.trim().toLowerCase().replace(/\.$/, "")).filter(Boolean);
  const bad = entries.flatMap((e) => {
    const why = problem(e);
    return why ? [`"${e}" ${why}`] : [];
  });
  if (bad.length) throw new Error(`EGRESS_ALLOWLIST: ${bad.join("; ")}`);
  const hosts = entries.filter((e) => !e.includes("/") && !parseIp(e));
  const cidrs = entries.filter((e) => e.includes("/") || parseIp(e)).map((e) => parseCidr(e)!);
  return { hosts, cidrs };
}

export type Verdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a connection to `address` (reached through `hostname`, when it was a name) may be made:
 * public addresses always, others only when the allowlist names the address, a range holding it, or
 * the host name. IPv4-mapped IPv6 addresses are judged, and allowlisted, as the IPv4 address they are.
 */
export function judge(address: string, hostname: string | undefined, allowlist: Allowlist): Verdict {
  const parsed = parseIp(address);
  if (!parsed) return { allowed: false, reason: `${address} is not an IP address` };
  const ip: Ip = unmapped(parsed);
  const why = forbiddenReason(ip);
  if (!why) return { allowed: true };
  const host = hostname?.toLowerCase().replace(/\.$/, "");
  if (host && allowlist.hosts.includes(host)) return { allowed: true };
  if (allowlist.cidrs.some((c) => cidrContains(c, ip) || cidrContains(c, parsed))) return { allowed: true };
  return { allowed: false, reason: `${address} is ${why}` };
}

/**
 * Whether a URL's host is one the allowlist names: a listed host name, or an IP literal in a listed
 * range. Webhooks accept plain http only for such hosts (a loopback receiver in development).
 */
export function isAllowlistedHost(hostname: string, allowlist: Allowlist): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (allowlist.hosts.includes(host)) return true;
  const ip = parseIp(host);
  return ip !== null && allowlist.cidrs.some((c) => cidrContains(c, ip) || cidrContains(c, unmapped(ip)));
}
