import { isIPv4, isIPv6 } from "node:net";

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6. */
export interface Ip {
  family: 4 | 6;
  value: bigint;
}

export interface Cidr extends Ip {
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

const v4Value = (text: string) => text.split(".").reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);

function v6Value(text: string): bigint {
  // a trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4Value(quad[1]);
    text = `${text.slice(0, quad.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/**
 * A canonical IPv4 dotted quad, or IPv6 in any of its text forms (brackets and zone id allowed);
 * null for anything else. Other IPv4 spellings (2130706433, 0x7f.1, 127.1) are not accepted here:
 * URLs normalize them before a connection is made, and the allowlist refuses them as ambiguous.
 */
export function parseIp(text: string): Ip | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (isIPv4(bare)) return { family: 4, value: v4Value(bare) };
  const noZone = bare.split("%")[0];
  return isIPv6(noZone) ? { family: 6, value: v6Value(noZone) } : null;
}

/** "10.0.0.0/8", "::1/128", or a bare address (a /32 or /128); null when it is neither. */
export function parseCidr(text: string): Cidr | null {
  const [address, prefixText, extra] = text.split("/");
  const ip = parseIp(address);
  if (!ip || extra !== undefined) return null;
  if (prefixText === undefined) return { ...ip, prefix: BITS[ip.family] };
  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix > BITS[ip.family]) return null;
  return { ...ip, prefix };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.family !== ip.family) return false;
  const shift = BigInt(BITS[ip.family] - cidr.prefix);
  return ip.value >> shift === cidr.value >> shift;
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:a.b.c.d), else the address itself. */
export function unmapped(ip: Ip): Ip {
  return ip.family === 6 && ip.value >> 32n === 0xffffn ? { family: 4, value: ip.value & 0xffffffffn } : ip;
}

const table = (rows: [string, string][]) => rows.map(([cidr, why]) => ({ cidr: parseCidr(cidr)!, why }));

// Addresses that are not one public host: IANA's special-purpose registries (RFC 6890 and successors).
const V4 = table([
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared (CGNAT)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "6to4 relay anycast"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
]);
const V6 = table([
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "NAT64 local use"],
  ["100::/64", "discard"],
  ["2001::/32", "Teredo"],
  ["2001:db8::/32", "documentation"],
  ["fc00::/7", "unique local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
]);
const GLOBAL_UNICAST = parseCidr("2000::/3")!;
// IPv6 forms that carry an IPv4 address the packets end up at: judged by that address
const EMBEDDING = [
  { cidr: parseCidr("::ffff:0:0/96")!, name: "IPv4-mapped", at: 0n },
  { cidr: parseCidr("64:ff9b::/96")!, name: "NAT64", at: 0n },
  { cidr: parseCidr("2002::/16")!, name: "6to4", at: 80n },
];

/** Why the address is not a public one ("loopback", "private", …), or null when it is public. */
export function forbiddenReason(ip: Ip): string | null {
  if (ip.family === 4) return V4.find((r) => cidrContains(r.cidr, ip))?.why ?? null;
  for (const e of EMBEDDING) {
    if (!cidrContains(e.cidr, ip)) continue;
    const why = forbiddenReason({ family: 4, value: (ip.value >> e.at) & 0xffffffffn });
    return why && `${why} (${e.name})`;
  }
  const special = V6.find((r) => cidrContains(r.cidr, ip))?.why;
  if (special) return special;
  return cidrContains(GLOBAL_UNICAST, ip) ? null : "reserved";
}
