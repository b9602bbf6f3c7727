import { describe, expect, it } from "vitest";
import { forbiddenReason, parseCidr, parseIp } from "../../src/egress/addresses.js";
import { EMPTY_ALLOWLIST, judge, parseAllowlist } from "../../src/egress/allowlist.js";

const reason = (address: string) => forbiddenReason(parseIp(address)!);

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared (CGNAT)"],
    ["100.127.255.255", "shared (CGNAT)"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback (IPv4-mapped)"],
    ["::ffff:7f00:1", "loopback (IPv4-mapped)"],
    ["::ffff:10.0.0.1", "private (IPv4-mapped)"],
    ["::ffff:169.254.169.254", "link-local (IPv4-mapped)"],
    ["64:ff9b::7f00:1", "loopback (NAT64)"],
    ["64:ff9b::192.168.0.1", "private (NAT64)"],
    ["2002:7f00:1::", "loopback (6to4)"],
    ["2002:a00:1::1", "private (6to4)"],
    ["::7f00:1", "reserved"],
    ["2001::1", "Teredo"],
    ["2001:db8::1", "documentation"],
    ["[::1]", "loopback"],
  ])("%s is %s", (address, why) => {
    expect(reason(address)).toBe(why);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"])(
    "%s is public",
    (address) => {
      expect(reason(address)).toBeNull();
    },
  );

  it("reads only canonical IPv4 (URLs normalize the other spellings before a connection)", () => {
    for (const spelling of ["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "127.0.0.01"]) expect(parseIp(spelling), spelling).toBeNull();
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("::/129")).toBeNull();
    expect(parseCidr("10.0.0.0/8/1")).toBeNull();
    expect(parseCidr("10.0.0.0/x")).toBeNull();
    expect(parseCidr("::1")).toMatchObject({ family: 6, prefix: 128 });
  });
});

describe("EGRESS_ALLOWLIST", () => {
  it("reads host names, addresses and ranges", () => {
    const list = parseAllowlist(" 127.0.0.1, ::1 ,10.0.0.0/8,fd00::/8, MCP.Internal.Example. ,localhost,[::2],");
    expect(list.hosts).toEqual(["mcp.internal.example", "localhost"]);
    expect(list.cidrs.map((c) => `${c.family}/${c.prefix}`)).toEqual(["4/32", "6/128", "4/8", "6/8", "6/128"]);
    expect(parseAllowlist(undefined)).toEqual(EMPTY_ALLOWLIST);
    expect(parseAllowlist("  ")).toEqual(EMPTY_ALLOWLIST);
  });

  it("names every bad entry and why", () => {
    const attempt = () => parseAllowlist("127.0.0.1,10.0.0.0/33,http://example.com,127.1,0x7f000001,exa_mple.com,host:8080,::1/200");
    expect(attempt).toThrow(
      'EGRESS_ALLOWLIST: "10.0.0.0/33" is not a CIDR range (an IPv4 or IPv6 address, \'/\', then a prefix length that fits it); ' +
        '"http://example.com" is a URL: give only its host name; ' +
        '"127.1" is not an IPv4 address: write it as four decimal numbers, e.g. 127.0.0.1; ' +
        '"0x7f000001" is not an IPv4 address: write it as four decimal numbers, e.g. 127.0.0.1; ' +
        '"exa_mple.com" is not a host name, an IP address or a CIDR range; ' +
        '"host:8080" is not an IPv6 address (a host name with a port or a URL is not accepted either); ' +
        '"::1/200" is not a CIDR range (an IPv4 or IPv6 address, \'/\', then a prefix length that fits it)',
    );
  });

  it("lets an allowlisted address, range or host name through, and nothing else", () => {
    const list = parseAllowlist("127.0.0.1,10.0.0.0/8,::1,internal.example");
    expect(judge("127.0.0.1", undefined, list)).toEqual({ allowed: true });
    expect(judge("::ffff:127.0.0.1", undefined, list)).toEqual({ allowed: true });
    expect(judge("10.200.0.1", undefined, list)).toEqual({ allowed: true });
    expect(judge("::1", undefined, list)).toEqual({ allowed: true });
    expect(judge("192.168.0.1", "Internal.Example.", list)).toEqual({ allowed: true });
    expect(judge("127.0.0.2", undefined, list)).toEqual({ allowed: false, reason: "127.0.0.2 is loopback" });
    expect(judge("192.168.0.1", "other.example", list)).toEqual({ allowed: false, reason: "192.168.0.1 is private" });
    expect(judge("8.8.8.8", undefined, EMPTY_ALLOWLIST)).toEqual({ allowed: true });
    // every non-public range opens with an allowlist that covers everything
    const all = parseAllowlist("0.0.0.0/0,::/0");
    for (const a of ["127.0.0.1", "169.254.169.254", "fe80::1", "fc00::1", "ff02::1", "::", "255.255.255.255", "100.64.0.1"]) {
      expect(judge(a, undefined, all), a).toEqual({ allowed: true });
      expect(judge(a, undefined, EMPTY_ALLOWLIST).allowed, a).toBe(false);
    }
  });
});
