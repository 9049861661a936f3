import ipaddr from 'ipaddr.js';

/** Cognito's limit on each of the always-block and always-allow lists. */
export const MAX_RANGES = 200;

/** A range as typed, checked: the CIDR to send, or a one-line message saying what is wrong. */
export type RangeCheck = { ok: true; cidr: string } | { ok: false; error: string };

/**
 * Why IPv6 is refused: Cognito's model gives the list items no pattern, and the API reference documents only "CIDR
 * notation" with IPv4 examples; the app does not store a range Cognito may never match.
 */
export const IPV6_TEXT = 'is IPv6: the app takes IPv4 ranges only (Cognito\'s model gives these lists no pattern and its documentation shows only IPv4 CIDR ranges).';

const quoted = (s: string) => `"${s.length > 45 ? `${s.slice(0, 44)}…` : s}"`;

/** Checks a typed range: IPv4 CIDR notation, no host bits set; says which network was meant when they are. */
export function checkRange(input: string): RangeCheck {
  const text = input.trim();
  const [address = '', prefix, ...rest] = text.split('/');
  if (ipaddr.IPv6.isValid(address)) return { ok: false, error: `${quoted(text)} ${IPV6_TEXT}` };
  if (rest.length === 0 && prefix === undefined && ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return { ok: false, error: `${quoted(text)} has no prefix length: write ${address}/32 for this one address, or the network, e.g. 203.0.113.0/24.` };
  }
  const valid = rest.length === 0 && prefix !== undefined && /^\d{1,2}$/.test(prefix) && Number(prefix) <= 32
    && ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!valid) return { ok: false, error: `${quoted(text)} is not an IPv4 range in CIDR notation, e.g. 203.0.113.0/24 or 203.0.113.7/32.` };
  const network = `${ipaddr.IPv4.networkAddressFromCIDR(text).toString()}/${Number(prefix)}`;
  if (network !== `${ipaddr.IPv4.parse(address).toString()}/${Number(prefix)}`) {
    return { ok: false, error: `${text} has host bits set: did you mean ${network}?` };
  }
  return { ok: true, cidr: network };
}

function parsed(cidr: string): [ipaddr.IPv4, number] | undefined {
  try {
    const [addr, bits] = ipaddr.IPv4.parseCIDR(cidr);
    return [addr, bits];
  } catch {
    return undefined;
  }
}

/** The ranges of `list` that overlap `cidr` (one contains the other); items that are not IPv4 CIDRs are skipped. */
export function overlapping(cidr: string, list: readonly string[]): string[] {
  const a = parsed(cidr);
  if (!a) return [];
  return list.filter((other) => {
    const b = parsed(other);
    return b !== undefined && (a[0].match(b) || b[0].match(a));
  });
}
