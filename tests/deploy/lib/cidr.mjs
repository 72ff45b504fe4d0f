// CIDR ranges as the services (TRUSTED_PROXIES), nginx (set_real_ip_from)
// and ingress-nginx (proxy-real-ip-cidr) take them, for checking who is
// believed about a client's address.
import { BlockList, isIP } from 'node:net';

// "10.244.0.0/16" -> { address, prefix, family: 'ipv4' | 'ipv6' }; throws on
// anything else (a bare address included: every reader here wants a range).
export function parseCidr(text) {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  const version = match ? isIP(match[1]) : 0;
  const prefix = match ? Number(match[2]) : NaN;
  if (!version || prefix > (version === 4 ? 32 : 128)) throw new Error(`not a CIDR range: '${text}'`);
  return { address: match[1], prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

// A range that holds every address of its family.
export const isCatchAll = (text) => parseCidr(text).prefix === 0;

// Whether `range` holds the whole of `block` (both "a.b.c.d/n", IPv4).
export function coversIpv4(range, block) {
  const outer = parseCidr(range);
  const inner = parseCidr(block);
  if (outer.family !== 'ipv4' || inner.family !== 'ipv4' || outer.prefix > inner.prefix) return false;
  const list = new BlockList();
  list.addSubnet(outer.address, outer.prefix, 'ipv4');
  const first = inner.address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const last = first + 2 ** (32 - inner.prefix) - 1;
  const dotted = (n) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
  return list.check(dotted(first), 'ipv4') && list.check(dotted(last), 'ipv4');
}

// The private IPv4 ranges (RFC 1918): trusting all of them at once trusts
// every address a pod, a node or a load balancer inside any network may have.
export const PRIVATE_IPV4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

// Why a list of ranges trusts too much, or null: a catch-all, or every
// private range together.
export function tooWide(ranges) {
  const catchAll = ranges.find(isCatchAll);
  if (catchAll) return `${catchAll} believes every client about its own address`;
  if (PRIVATE_IPV4.every((block) => ranges.some((range) => coversIpv4(range, block)))) {
    return `${ranges.join(',')} covers every private range (${PRIVATE_IPV4.join(', ')})`;
  }
  return null;
}

// Whether `address` (IPv4 or IPv6) lies in `range`.
export function contains(range, address) {
  const { address: network, prefix, family } = parseCidr(range);
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return isIP(address) !== 0 && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}
