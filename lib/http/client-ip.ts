import { BlockList, isIP } from "node:net";

/** The default TRUSTED_PROXIES: a reverse proxy on the same host. */
export const LOOPBACK_PROXIES = "127.0.0.0/8,::1/128";

export type ProxyRange = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** "10.0.0.0/8, 192.168.1.5, ::1" → ranges, or a message naming the first bad entry. */
export function parseProxyList(value: string): ProxyRange[] | string {
  const ranges: ProxyRange[] = [];
  for (const entry of value.split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const [address = "", bits] = entry.split("/");
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (!version || !/^\d*$/.test(bits ?? "") || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      return `"${entry}" is not an IP address or CIDR range`;
    }
    ranges.push({ address, prefix, family: version === 6 ? "ipv6" : "ipv4" });
  }
  return ranges;
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1". */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] as string) : address;
}

export function trustedProxies(ranges: readonly ProxyRange[]) {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.address, r.prefix, r.family);
  return (address: string) => {
    const a = plain(address);
    const version = isIP(a);
    return version !== 0 && list.check(a, version === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy, in which case the
 * X-Forwarded-For entries are walked from the right (the nearest hop) past every trusted proxy.
 * Entries left of the first untrusted one were written by the client and are never believed.
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | undefined,
  isTrusted: (address: string) => boolean,
): string {
  const hops = [...(forwardedFor ?? "").split(","), peer].map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!isIP(hop)) return hops[i + 1] ?? plain(peer);
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? plain(peer);
}

/**
 * The client address for rate limiting, in the app: server.ts replaces X-Forwarded-For with the one
 * address it resolved above, so a client can never choose it.
 */
export function clientIp(forwardedFor: string | null): string {
  const address = forwardedFor?.trim() ?? "";
  return isIP(address) ? address : "unknown";
}
