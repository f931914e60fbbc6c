import { isIPv4, isIPv6 } from 'node:net'

// Which addresses a fetched link may reach. byline fetches links that strangers paste into
// Discord, so every address a name resolves to is classified here and anything that is not an
// ordinary public internet address is refused, unless the operator allowed it
// (FETCH_ALLOW_PRIVATE_HOSTS). Pure: no I/O; the resolving and connecting live in fetchPage.ts.

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpAddress = { family: 4 | 6; bytes: readonly number[] }

/** What an address is, from IANA's special-purpose registries; only `public` may be fetched unless allowed. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'unique-local'
  | 'link-local'
  | 'cloud-metadata'
  | 'shared'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'documentation'
  | 'reserved'

/** Every kind but `public`: the reasons an address is refused. */
export type RefusedKind = Exclude<AddressKind, 'public'>

type Range =
  | { cidr: string; kind: AddressKind }
  | { cidr: string; embedded: (bytes: readonly number[]) => (readonly number[])[]; otherwise: AddressKind }

// First match wins, so a narrow range comes before the wider one holding it.
// https://www.iana.org/assignments/iana-ipv4-special-registry/
const IPV4_RANGES: readonly Range[] = [
  { cidr: '0.0.0.0/8', kind: 'unspecified' }, // "this network"; 0.0.0.0 connects to the host itself on Linux
  { cidr: '10.0.0.0/8', kind: 'private' },
  { cidr: '100.64.0.0/10', kind: 'shared' }, // carrier-grade NAT; also Alibaba Cloud's metadata 100.100.100.200
  { cidr: '127.0.0.0/8', kind: 'loopback' },
  { cidr: '169.254.169.254/32', kind: 'cloud-metadata' }, // AWS, GCP, Azure, DigitalOcean, OpenStack
  { cidr: '169.254.0.0/16', kind: 'link-local' },
  { cidr: '172.16.0.0/12', kind: 'private' },
  { cidr: '192.0.0.0/24', kind: 'reserved' }, // IETF protocol assignments; Oracle Cloud's metadata 192.0.0.192
  { cidr: '192.0.2.0/24', kind: 'documentation' },
  { cidr: '192.88.99.0/24', kind: 'reserved' }, // retired 6to4 relay anycast
  { cidr: '192.168.0.0/16', kind: 'private' },
  { cidr: '198.18.0.0/15', kind: 'reserved' }, // benchmarking
  { cidr: '198.51.100.0/24', kind: 'documentation' },
  { cidr: '203.0.113.0/24', kind: 'documentation' },
  { cidr: '224.0.0.0/4', kind: 'multicast' },
  { cidr: '255.255.255.255/32', kind: 'broadcast' },
  { cidr: '240.0.0.0/4', kind: 'reserved' },
]

// https://www.iana.org/assignments/iana-ipv6-special-registry/ — the forms that carry an IPv4
// address inside are judged by that address too, so ::ffff:127.0.0.1 is loopback.
const IPV6_RANGES: readonly Range[] = [
  { cidr: '::/128', kind: 'unspecified' },
  { cidr: '::1/128', kind: 'loopback' },
  { cidr: '::ffff:0:0/96', embedded: (b) => [b.slice(12)], otherwise: 'public' }, // IPv4-mapped
  { cidr: '::/96', embedded: (b) => [b.slice(12)], otherwise: 'reserved' }, // deprecated IPv4-compatible
  { cidr: '64:ff9b::/96', embedded: (b) => [b.slice(12)], otherwise: 'public' }, // NAT64 (RFC 6052)
  { cidr: '64:ff9b:1::/48', kind: 'private' }, // local-use NAT64 (RFC 8215)
  { cidr: '100::/64', kind: 'reserved' }, // discard-only
  { cidr: '2001:db8::/32', kind: 'documentation' },
  { cidr: '2001::/32', embedded: (b) => [b.slice(4, 8), b.slice(12).map((byte) => byte ^ 0xff)], otherwise: 'public' }, // Teredo: server, then the obfuscated client
  { cidr: '2001::/23', kind: 'reserved' },
  { cidr: '2002::/16', embedded: (b) => [b.slice(2, 6)], otherwise: 'public' }, // 6to4
  { cidr: '3fff::/20', kind: 'documentation' },
  { cidr: 'fc00::/7', kind: 'unique-local' }, // also AWS's IPv6 metadata fd00:ec2::254
  { cidr: 'fe80::/10', kind: 'link-local' },
  { cidr: 'fec0::/10', kind: 'reserved' }, // deprecated site-local
  { cidr: 'ff00::/8', kind: 'multicast' },
]

// Only 2000::/3 is handed out as global unicast; everything else in IPv6 is unassigned or special.
const IPV6_GLOBAL_UNICAST = parseCidr('2000::/3')
const IPV4_MAPPED = parseCidr('::ffff:0:0/96')

// Names that mean "this machine" or a cloud metadata service whatever DNS says about them.
const LOOPBACK_NAMES = /^(localhost|.+\.localhost)$/
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal'])

// An operator's host-name entry cannot open these: they are never a news site, and a hijacked
// name must not reach the metadata service. A range entry that contains them can.
const NOT_ALLOWED_BY_NAME: ReadonlySet<AddressKind> = new Set(['cloud-metadata', 'unspecified'])

/**
 * Parses an IPv4 address in dotted-decimal form or an IPv6 address (brackets allowed), as URLs and
 * resolvers write them. Returns null for anything else, including host names; the decimal, octal
 * and hex spellings of IPv4 (`2130706433`, `0177.0.0.1`) are normalised by `new URL` first.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  if (isIPv4(address)) return { family: 4, bytes: address.split('.').map(Number) }
  if (!isIPv6(address)) return null
  // isIPv6 accepts a zone (fe80::1%eth0); the zone does not change what the address is.
  const [withoutZone = ''] = address.split('%')
  return { family: 6, bytes: ipv6Bytes(withoutZone) }
}

function ipv6Bytes(address: string): number[] {
  let text = address
  const tail: number[] = []
  const lastColon = text.lastIndexOf(':')
  if (text.slice(lastColon + 1).includes('.')) {
    tail.push(
      ...text
        .slice(lastColon + 1)
        .split('.')
        .map(Number),
    )
    text = `${text.slice(0, lastColon + 1)}0:0`
  }
  const [head = '', rest] = text.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':')
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups]
  const bytes = groups.flatMap((group) => {
    const value = Number.parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
  if (tail.length === 4) bytes.splice(12, 4, ...tail)
  return bytes
}

/** Formats an address the way URLs and logs write it (IPv6 compressed, without brackets). */
export function formatIpAddress(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join('.')
  const groups = Array.from({ length: 8 }, (_, i) => ((ip.bytes[2 * i] ?? 0) << 8) | (ip.bytes[2 * i + 1] ?? 0))
  // Compress the longest run of zero groups (two or more), as RFC 5952 asks.
  let bestStart = -1
  let bestLength = 1
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i]
    i = j === i ? i + 1 : j
  }
  const hex = groups.map((group) => group.toString(16))
  if (bestStart < 0) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`
}

type Cidr = { family: 4 | 6; bytes: readonly number[]; prefix: number }

function parseCidr(text: string): Cidr {
  const cidr = parseCidrEntry(text)
  if (cidr === null) throw new Error(`addressPolicy: bad range ${text}`)
  return cidr
}

function parseCidrEntry(text: string): Cidr | null {
  const [addressText = '', prefixText, extra] = text.split('/')
  const ip = parseIpAddress(addressText)
  if (ip === null || extra !== undefined) return null
  const maxPrefix = ip.family === 4 ? 32 : 128
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText)
  return prefix > maxPrefix ? null : { ...ip, prefix }
}

function isInCidr(bytes: readonly number[], cidr: Cidr): boolean {
  if (bytes.length !== cidr.bytes.length) return false
  for (let bit = 0; bit < cidr.prefix; bit += 8) {
    const bits = Math.min(8, cidr.prefix - bit)
    const mask = (0xff << (8 - bits)) & 0xff
    const index = bit / 8
    if (((bytes[index] ?? 0) & mask) !== ((cidr.bytes[index] ?? 0) & mask)) return false
  }
  return true
}

const COMPILED_IPV4 = IPV4_RANGES.map((range) => ({ range, cidr: parseCidr(range.cidr) }))
const COMPILED_IPV6 = IPV6_RANGES.map((range) => ({ range, cidr: parseCidr(range.cidr) }))

/**
 * Classifies an address. An IPv6 address that carries an IPv4 address (IPv4-mapped, NAT64, 6to4,
 * Teredo) takes the kind of the embedded address when that one is not public.
 */
export function classifyAddress(ip: IpAddress): AddressKind {
  const table = ip.family === 4 ? COMPILED_IPV4 : COMPILED_IPV6
  const match = table.find(({ cidr }) => isInCidr(ip.bytes, cidr))
  if (match === undefined) return ip.family === 6 && !isInCidr(ip.bytes, IPV6_GLOBAL_UNICAST) ? 'reserved' : 'public'
  const { range } = match
  if ('kind' in range) return range.kind
  const inner = range.embedded(ip.bytes).map((bytes) => classifyAddress({ family: 4, bytes }))
  return inner.find((kind) => kind !== 'public') ?? range.otherwise
}

/** The IPv4 address an IPv4-mapped IPv6 address stands for, or the address itself. */
function unmapped(ip: IpAddress): IpAddress {
  return ip.family === 6 && isInCidr(ip.bytes, IPV4_MAPPED) ? { family: 4, bytes: ip.bytes.slice(12) } : ip
}

/** What a name alone says, before any lookup: `localhost` is loopback, `metadata.google.internal` the metadata service. */
export function classifyHostName(host: string): RefusedKind | null {
  const name = normaliseHostName(host)
  if (LOOPBACK_NAMES.test(name)) return 'loopback'
  if (METADATA_NAMES.has(name)) return 'cloud-metadata'
  return null
}

function normaliseHostName(host: string): string {
  return host.toLowerCase().replace(/\.$/, '')
}

/** The operator's exceptions (FETCH_ALLOW_PRIVATE_HOSTS), parsed once. */
export type AllowList = { names: ReadonlySet<string>; suffixes: readonly string[]; ranges: readonly Cidr[] }

const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/

/**
 * Whether one FETCH_ALLOW_PRIVATE_HOSTS entry is well formed: a host name (`intranet.example`,
 * `*.corp.example` for its subdomains), an IP address, or a CIDR range (`10.0.0.0/8`, `fd00::/8`).
 */
export function isAllowEntry(entry: string): boolean {
  const text = entry.trim().toLowerCase()
  if (text === '') return false
  return (
    parseCidrEntry(text) !== null || (parseIpAddress(text) === null && !/^[\d.]+$/.test(text) && HOST_NAME.test(text.replace(/\.$/, '')))
  )
}

/** Parses the operator's exceptions; entries that are not well formed (see {@link isAllowEntry}) are ignored. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>()
  const suffixes: string[] = []
  const ranges: Cidr[] = []
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase()
    if (!isAllowEntry(entry)) continue
    const cidr = parseCidrEntry(entry)
    if (cidr !== null) ranges.push(cidr.family === 6 ? mappedRangeAsIpv4(cidr) : cidr)
    else if (entry.startsWith('*.')) suffixes.push(normaliseHostName(entry.slice(1)))
    else names.add(normaliseHostName(entry))
  }
  return { names, suffixes, ranges }
}

// An entry such as ::ffff:10.0.0.0/104 means the IPv4 range 10.0.0.0/8: compare like with like.
function mappedRangeAsIpv4(cidr: Cidr): Cidr {
  const ip = unmapped(cidr)
  return ip.family === 4 && cidr.prefix >= 96 ? { family: 4, bytes: ip.bytes, prefix: cidr.prefix - 96 } : cidr
}

/** Whether the operator allowed this host name (exactly, or as a subdomain of a `*.` entry). */
export function isAllowedHostName(host: string, allowList: AllowList): boolean {
  const name = normaliseHostName(host)
  return allowList.names.has(name) || allowList.suffixes.some((suffix) => name.endsWith(suffix))
}

/** The verdict on one host: allowed, or refused with the kind of the first refused address. */
export type AddressVerdict = { ok: true } | { ok: false; kind: RefusedKind; address: string | null }

/**
 * Judges a host and every address it resolved to: refused when the name itself is special or ANY
 * address is not public, unless the operator allowed it — by host name (not for the metadata
 * service or the unspecified address) or by a range that contains the address. `address` is null
 * when the name alone decided. A resolved text that is not an IP address is refused as reserved.
 */
export function checkHostAddresses(host: string, addresses: readonly string[], allowList: AllowList): AddressVerdict {
  const isNameAllowed = isAllowedHostName(host, allowList)
  const nameKind = classifyHostName(host)
  if (nameKind !== null && !(isNameAllowed && !NOT_ALLOWED_BY_NAME.has(nameKind))) return { ok: false, kind: nameKind, address: null }
  for (const text of addresses) {
    const ip = parseIpAddress(text)
    if (ip === null) return { ok: false, kind: 'reserved', address: text }
    const kind = classifyAddress(ip)
    if (kind === 'public') continue
    const plain = unmapped(ip)
    if (allowList.ranges.some((range) => isInCidr(plain.bytes, range))) continue
    if (isNameAllowed && !NOT_ALLOWED_BY_NAME.has(kind)) continue
    return { ok: false, kind, address: formatIpAddress(ip) }
  }
  return { ok: true }
}

/** Plain words for why an address is refused, to follow "That address is not allowed: ". */
export function describeRefusedKind(kind: RefusedKind): string {
  return REFUSED_KIND_WORDS[kind]
}

const REFUSED_KIND_WORDS: Record<RefusedKind, string> = {
  loopback: "it points to the bot's own computer",
  private: 'it points inside a private network',
  'unique-local': 'it points inside a private network',
  'link-local': 'it points inside a private network (a link-local address)',
  'cloud-metadata': "it points to the cloud metadata service of the bot's host",
  shared: "it points inside a carrier's private network",
  multicast: 'it is a multicast address, not a web site',
  unspecified: 'it is not the address of any web site (0.0.0.0 or ::)',
  broadcast: 'it is a broadcast address, not a web site',
  documentation: 'it is an example address reserved for documentation',
  reserved: 'it is a reserved address, not a web site on the internet',
}
