import { describe, expect, it } from "vitest";
import { LOOPBACK_PROXIES, parseProxyList, resolveClientAddress, trustedProxies } from "@/lib/http/client-ip";

const trusted = (list: string) => {
  const ranges = parseProxyList(list);
  if (typeof ranges === "string") throw new Error(ranges);
  return trustedProxies(ranges);
};

describe("parseProxyList", () => {
  it("reads addresses and CIDR ranges of both families", () => {
    expect(parseProxyList(" 10.0.0.0/8, 192.168.1.5 ,::1, 2001:db8::/32")).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "192.168.1.5", prefix: 32, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
      { address: "2001:db8::", prefix: 32, family: "ipv6" },
    ]);
    expect(parseProxyList("")).toEqual([]);
  });
  it.each(["nginx", "10.0.0.0/33", "::1/129", "10.0.0.1/x", "10.0.0.256"])(
    "names a bad entry: %s",
    (entry) => {
      expect(parseProxyList(`127.0.0.1,${entry}`)).toBe(`"${entry}" is not an IP address or CIDR range`);
    },
  );
});

describe("resolveClientAddress", () => {
  const loopback = trusted(LOOPBACK_PROXIES);

  it("uses the socket address when the peer is not a trusted proxy, whatever the header says", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", loopback)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", undefined, loopback)).toBe("203.0.113.7");
  });

  it("takes the address a trusted proxy appended, never one the client put in front", () => {
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7", loopback)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.7", loopback)).toBe("203.0.113.7");
    expect(resolveClientAddress("::1", "2001:db8::5", loopback)).toBe("2001:db8::5");
  });

  it("walks past every trusted hop of a chain of proxies", () => {
    const chain = trusted("127.0.0.1, 10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.2.3", chain)).toBe("203.0.113.7");
  });

  it("treats an address outside TRUSTED_PROXIES as the client, even on loopback", () => {
    const nginxOnly = trusted("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 127.0.0.5", nginxOnly)).toBe("127.0.0.5");
  });

  it("stops at an entry that is not an address", () => {
    expect(resolveClientAddress("127.0.0.1", "garbage, 127.0.0.9", loopback)).toBe("127.0.0.9");
  });

  it("trusts nobody when TRUSTED_PROXIES is empty", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.7", trusted(""))).toBe("127.0.0.1");
  });
});
