import { describe, expect, it } from 'vitest'
import {
  type AddressKind,
  checkHostAddresses,
  classifyAddress,
  classifyHostName,
  formatIpAddress,
  isAllowEntry,
  parseAllowList,
  parseIpAddress,
} from '../../src/ingest/addressPolicy.js'

function kindOf(address: string): AddressKind {
  const ip = parseIpAddress(address)
  if (ip === null) throw new Error(`not an address: ${address}`)
  return classifyAddress(ip)
}

// The host a browser-grade URL parser makes of a spelling, as fetchPage sees it.
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '')
}

const NOTHING_ALLOWED = parseAllowList([])

describe('classifyAddress: every special-purpose IPv4 range, with its edges', () => {
  it.each([
    { address: '8.8.8.8', kind: 'public' },
    { address: '93.184.216.34', kind: 'public' },
    { address: '0.0.0.0', kind: 'unspecified' },
    { address: '0.255.255.255', kind: 'unspecified' },
    { address: '1.0.0.0', kind: 'public' },
    { address: '9.255.255.255', kind: 'public' },
    { address: '10.0.0.0', kind: 'private' },
    { address: '10.255.255.255', kind: 'private' },
    { address: '11.0.0.0', kind: 'public' },
    { address: '100.63.255.255', kind: 'public' },
    { address: '100.64.0.0', kind: 'shared' },
    { address: '100.100.100.200', kind: 'shared' },
    { address: '100.127.255.255', kind: 'shared' },
    { address: '100.128.0.0', kind: 'public' },
    { address: '126.255.255.255', kind: 'public' },
    { address: '127.0.0.1', kind: 'loopback' },
    { address: '127.255.255.254', kind: 'loopback' },
    { address: '128.0.0.0', kind: 'public' },
    { address: '169.254.0.1', kind: 'link-local' },
    { address: '169.254.169.254', kind: 'cloud-metadata' },
    { address: '169.254.255.255', kind: 'link-local' },
    { address: '172.15.255.255', kind: 'public' },
    { address: '172.16.0.0', kind: 'private' },
    { address: '172.31.255.255', kind: 'private' },
    { address: '172.32.0.0', kind: 'public' },
    { address: '192.0.0.192', kind: 'reserved' },
    { address: '192.0.2.1', kind: 'documentation' },
    { address: '192.88.99.1', kind: 'reserved' },
    { address: '192.167.255.255', kind: 'public' },
    { address: '192.168.0.1', kind: 'private' },
    { address: '192.168.255.255', kind: 'private' },
    { address: '192.169.0.0', kind: 'public' },
    { address: '198.18.0.1', kind: 'reserved' },
    { address: '198.19.255.255', kind: 'reserved' },
    { address: '198.20.0.0', kind: 'public' },
    { address: '198.51.100.7', kind: 'documentation' },
    { address: '203.0.113.9', kind: 'documentation' },
    { address: '223.255.255.255', kind: 'public' },
    { address: '224.0.0.1', kind: 'multicast' },
    { address: '239.255.255.250', kind: 'multicast' },
    { address: '240.0.0.1', kind: 'reserved' },
    { address: '255.255.255.254', kind: 'reserved' },
    { address: '255.255.255.255', kind: 'broadcast' },
  ])('$address is $kind', ({ address, kind }) => {
    expect(kindOf(address)).toBe(kind)
  })
})

describe('classifyAddress: IPv6, including the forms that carry an IPv4 address', () => {
  it.each([
    { address: '2606:4700:4700::1111', kind: 'public', why: 'global unicast' },
    { address: '2a00:1450:4001:80b::200e', kind: 'public', why: 'global unicast' },
    { address: '::', kind: 'unspecified', why: 'unspecified' },
    { address: '::1', kind: 'loopback', why: 'loopback' },
    { address: '0:0:0:0:0:0:0:1', kind: 'loopback', why: 'loopback written out' },
    { address: '::ffff:127.0.0.1', kind: 'loopback', why: 'IPv4-mapped, dotted' },
    { address: '::ffff:7f00:1', kind: 'loopback', why: 'IPv4-mapped, hex' },
    { address: '::ffff:10.1.2.3', kind: 'private', why: 'IPv4-mapped private' },
    { address: '::ffff:a9fe:a9fe', kind: 'cloud-metadata', why: 'IPv4-mapped metadata, hex' },
    { address: '::ffff:8.8.8.8', kind: 'public', why: 'IPv4-mapped public' },
    { address: '::127.0.0.1', kind: 'loopback', why: 'deprecated IPv4-compatible' },
    { address: '::8.8.8.8', kind: 'reserved', why: 'deprecated IPv4-compatible, public inside' },
    { address: '64:ff9b::7f00:1', kind: 'loopback', why: 'NAT64 of 127.0.0.1' },
    { address: '64:ff9b::192.168.0.1', kind: 'private', why: 'NAT64 of a private address' },
    { address: '64:ff9b::8.8.8.8', kind: 'public', why: 'NAT64 of a public address' },
    { address: '64:ff9b:1::a', kind: 'private', why: 'local-use NAT64' },
    { address: '2002:7f00:1::', kind: 'loopback', why: '6to4 of 127.0.0.1' },
    { address: '2002:a9fe:a9fe::1', kind: 'cloud-metadata', why: '6to4 of 169.254.169.254' },
    { address: '2002:808:808::1', kind: 'public', why: '6to4 of a public address' },
    { address: '2001:0:4136:e378:8000:63bf:80ff:fffe', kind: 'loopback', why: 'Teredo whose client is 127.0.0.1' },
    { address: '2001:0:a00:1:8000:63bf:f7f7:f7f7', kind: 'private', why: 'Teredo whose server is 10.0.0.1' },
    { address: '2001:0:4136:e378:8000:63bf:f7f7:f7f7', kind: 'public', why: 'Teredo of public addresses' },
    { address: '2001:db8::1', kind: 'documentation', why: 'documentation' },
    { address: '3fff::1', kind: 'documentation', why: 'documentation (2024)' },
    { address: '2001:2::1', kind: 'reserved', why: 'IETF protocol assignments' },
    { address: '100::1', kind: 'reserved', why: 'discard-only' },
    { address: 'fc00::1', kind: 'unique-local', why: 'unique local' },
    { address: 'fd00:ec2::254', kind: 'unique-local', why: "AWS's IPv6 metadata" },
    { address: 'fe80::1', kind: 'link-local', why: 'link-local' },
    { address: 'febf:ffff::1', kind: 'link-local', why: 'link-local, top of the range' },
    { address: 'fe80::1%eth0', kind: 'link-local', why: 'link-local with a zone' },
    { address: 'fec0::1', kind: 'reserved', why: 'deprecated site-local' },
    { address: 'ff02::1', kind: 'multicast', why: 'multicast' },
    { address: '4000::1', kind: 'reserved', why: 'outside global unicast 2000::/3' },
    { address: '1fff:ffff::1', kind: 'reserved', why: 'just below 2000::/3' },
  ])('$address is $kind ($why)', ({ address, kind }) => {
    expect(kindOf(address)).toBe(kind)
  })
})

describe('the spellings of loopback and private addresses, as WHATWG URL normalises them', () => {
  it.each([
    { url: 'http://127.0.0.1/', kind: 'loopback' },
    { url: 'http://2130706433/', kind: 'loopback' },
    { url: 'http://0177.0.0.1/', kind: 'loopback' },
    { url: 'http://0x7f.1/', kind: 'loopback' },
    { url: 'http://0x7f000001/', kind: 'loopback' },
    { url: 'http://017700000001/', kind: 'loopback' },
    { url: 'http://127.1/', kind: 'loopback' },
    { url: 'http://127.0.1/', kind: 'loopback' },
    { url: 'http://0x7F.0.0.1/', kind: 'loopback' },
    { url: 'http://%31%32%37.0.0.1/', kind: 'loopback' },
    { url: 'http://１２７.０.０.１/', kind: 'loopback' },
    { url: 'http://127.0.0.1./', kind: 'loopback' },
    { url: 'http://[::1]/', kind: 'loopback' },
    { url: 'http://[0:0:0:0:0:0:0:1]/', kind: 'loopback' },
    { url: 'http://[::ffff:127.0.0.1]/', kind: 'loopback' },
    { url: 'http://[::ffff:7f00:1]/', kind: 'loopback' },
    { url: 'http://[0:0:0:0:0:ffff:7f00:1]/', kind: 'loopback' },
    { url: 'http://[::127.0.0.1]/', kind: 'loopback' },
    { url: 'http://[64:ff9b::127.0.0.1]/', kind: 'loopback' },
    { url: 'http://0/', kind: 'unspecified' },
    { url: 'http://0.0.0.0/', kind: 'unspecified' },
    { url: 'http://[::]/', kind: 'unspecified' },
    { url: 'http://10.1/', kind: 'private' },
    { url: 'http://167772161/', kind: 'private' },
    { url: 'http://0xc0.0xa8.0.1/', kind: 'private' },
    { url: 'http://0300.0250.0.1/', kind: 'private' },
    { url: 'http://2852039166/', kind: 'cloud-metadata' },
    { url: 'http://0xa9fea9fe/', kind: 'cloud-metadata' },
    { url: 'http://0251.0376.0251.0376/', kind: 'cloud-metadata' },
    { url: 'http://169.254.43518/', kind: 'cloud-metadata' },
    { url: 'http://[::ffff:169.254.169.254]/', kind: 'cloud-metadata' },
    { url: 'http://100.64.1/', kind: 'shared' },
    { url: 'http://0xffffffff/', kind: 'broadcast' },
  ])('$url is $kind', ({ url, kind }) => {
    const host = hostOf(url)
    expect(kindOf(host)).toBe(kind)
    expect(checkHostAddresses(host, [host], NOTHING_ALLOWED)).toMatchObject({ ok: false, kind })
  })

  it.each(['http://1.2.3.4.5/', 'http://0x100000000/', 'http://256.0.0.1/', 'http://[fe80::1%25eth0]/', 'http://[::ffff:127.0.0.1.1]/'])(
    '%s is not a URL at all',
    (url) => {
      expect(() => new URL(url)).toThrow(TypeError)
    },
  )
})

describe('parseIpAddress and formatIpAddress', () => {
  it.each([
    { text: '127.0.0.1', expected: '127.0.0.1' },
    { text: '[::1]', expected: '::1' },
    { text: '::ffff:127.0.0.1', expected: '::ffff:7f00:1' },
    { text: '2001:DB8:0:0:1:0:0:1', expected: '2001:db8::1:0:0:1' },
    { text: '1:0:0:0:0:0:0:0', expected: '1::' },
    { text: '1:2:3:4:5:6:7:8', expected: '1:2:3:4:5:6:7:8' },
  ])('reads $text and writes $expected', ({ text, expected }) => {
    const ip = parseIpAddress(text)
    expect(ip).not.toBeNull()
    expect(ip === null ? null : formatIpAddress(ip)).toBe(expected)
  })

  it.each(['localhost', 'news.example', '2130706433', '0177.0.0.1', '127.1', '1.2.3', '', '[]', '::g'])(
    'does not read %j as an address (URLs normalise spellings first)',
    (text) => {
      expect(parseIpAddress(text)).toBeNull()
    },
  )
})

describe('classifyHostName: names refused before any lookup', () => {
  it.each([
    { host: 'localhost', kind: 'loopback' },
    { host: 'LOCALHOST', kind: 'loopback' },
    { host: 'localhost.', kind: 'loopback' },
    { host: 'app.localhost', kind: 'loopback' },
    { host: 'metadata.google.internal', kind: 'cloud-metadata' },
    { host: 'metadata.google.internal.', kind: 'cloud-metadata' },
    { host: 'metadata', kind: 'cloud-metadata' },
    { host: 'metadata.goog', kind: 'cloud-metadata' },
    { host: 'instance-data.ec2.internal', kind: 'cloud-metadata' },
    { host: 'news.example', kind: null },
    { host: 'localhost.news.example', kind: null },
    { host: 'notlocalhost', kind: null },
  ])('$host → $kind', ({ host, kind }) => {
    expect(classifyHostName(host)).toBe(kind)
  })
})

describe('checkHostAddresses: every address counts, and the operator may allow by name or by range', () => {
  it.each([
    { name: 'a public name', host: 'news.example', addresses: ['93.184.216.34'], allow: [], expected: { ok: true } },
    {
      name: 'a public name with IPv6 too',
      host: 'news.example',
      addresses: ['93.184.216.34', '2606:2800:220:1::1'],
      allow: [],
      expected: { ok: true },
    },
    {
      name: 'a name that resolves to loopback',
      host: 'evil.example',
      addresses: ['127.0.0.1'],
      allow: [],
      expected: { ok: false, kind: 'loopback', address: '127.0.0.1' },
    },
    {
      name: 'one private address among public ones',
      host: 'evil.example',
      addresses: ['93.184.216.34', '10.0.0.7'],
      allow: [],
      expected: { ok: false, kind: 'private', address: '10.0.0.7' },
    },
    {
      name: 'a private address listed first',
      host: 'evil.example',
      addresses: ['192.168.1.1', '93.184.216.34'],
      allow: [],
      expected: { ok: false, kind: 'private' },
    },
    {
      name: 'an IPv4-mapped loopback answer',
      host: 'evil.example',
      addresses: ['::ffff:127.0.0.1'],
      allow: [],
      expected: { ok: false, kind: 'loopback', address: '::ffff:7f00:1' },
    },
    {
      name: 'an answer that is not an address',
      host: 'evil.example',
      addresses: ['not-an-ip'],
      allow: [],
      expected: { ok: false, kind: 'reserved' },
    },
    { name: 'an allowed name', host: 'intranet.example', addresses: ['10.0.0.5'], allow: ['intranet.example'], expected: { ok: true } },
    {
      name: 'an allowed name in capitals with a final dot',
      host: 'INTRANET.example.',
      addresses: ['10.0.0.5'],
      allow: ['intranet.example'],
      expected: { ok: true },
    },
    {
      name: 'a subdomain of an exactly allowed name',
      host: 'www.intranet.example',
      addresses: ['10.0.0.5'],
      allow: ['intranet.example'],
      expected: { ok: false, kind: 'private' },
    },
    {
      name: 'a subdomain under a wildcard entry',
      host: 'news.corp.example',
      addresses: ['10.0.0.5'],
      allow: ['*.corp.example'],
      expected: { ok: true },
    },
    {
      name: 'the wildcard domain itself',
      host: 'corp.example',
      addresses: ['10.0.0.5'],
      allow: ['*.corp.example'],
      expected: { ok: false, kind: 'private' },
    },
    {
      name: 'a look-alike of the wildcard domain',
      host: 'evilcorp.example',
      addresses: ['10.0.0.5'],
      allow: ['*.corp.example'],
      expected: { ok: false, kind: 'private' },
    },
    {
      name: 'an address inside an allowed range',
      host: 'anything.example',
      addresses: ['10.2.3.4'],
      allow: ['10.0.0.0/8'],
      expected: { ok: true },
    },
    {
      name: 'an address outside the allowed range',
      host: 'anything.example',
      addresses: ['192.168.0.1'],
      allow: ['10.0.0.0/8'],
      expected: { ok: false, kind: 'private' },
    },
    {
      name: 'one allowed and one refused address',
      host: 'anything.example',
      addresses: ['10.2.3.4', '127.0.0.1'],
      allow: ['10.0.0.0/8'],
      expected: { ok: false, kind: 'loopback' },
    },
    { name: 'the allowed single address', host: '127.0.0.1', addresses: ['127.0.0.1'], allow: ['127.0.0.1'], expected: { ok: true } },
    {
      name: 'the allowed address, IPv4-mapped',
      host: 'local.example',
      addresses: ['::ffff:127.0.0.1'],
      allow: ['127.0.0.1'],
      expected: { ok: true },
    },
    {
      name: 'the next loopback address',
      host: '127.0.0.2',
      addresses: ['127.0.0.2'],
      allow: ['127.0.0.1'],
      expected: { ok: false, kind: 'loopback' },
    },
    { name: 'an IPv6 range', host: 'v6.example', addresses: ['fd00::2'], allow: ['fd00::/8'], expected: { ok: true } },
    {
      name: 'an IPv4-mapped range entry',
      host: 'x.example',
      addresses: ['10.9.9.9'],
      allow: ['::ffff:10.0.0.0/104'],
      expected: { ok: true },
    },
    { name: 'localhost allowed by name', host: 'localhost', addresses: ['127.0.0.1', '::1'], allow: ['localhost'], expected: { ok: true } },
    {
      name: 'localhost not allowed',
      host: 'localhost',
      addresses: [],
      allow: [],
      expected: { ok: false, kind: 'loopback', address: null },
    },
    {
      name: 'an allowed name pointing at the metadata service',
      host: 'intranet.example',
      addresses: ['169.254.169.254'],
      allow: ['intranet.example'],
      expected: { ok: false, kind: 'cloud-metadata' },
    },
    {
      name: 'the metadata name allowed by name',
      host: 'metadata.google.internal',
      addresses: [],
      allow: ['metadata.google.internal'],
      expected: { ok: false, kind: 'cloud-metadata' },
    },
    {
      name: 'an allowed name pointing at 0.0.0.0',
      host: 'intranet.example',
      addresses: ['0.0.0.0'],
      allow: ['intranet.example'],
      expected: { ok: false, kind: 'unspecified' },
    },
    {
      name: 'the metadata address allowed by an explicit range',
      host: 'x.example',
      addresses: ['169.254.169.254'],
      allow: ['169.254.0.0/16'],
      expected: { ok: true },
    },
    {
      name: 'a malformed entry, ignored',
      host: 'x.example',
      addresses: ['10.0.0.1'],
      allow: ['10.0.0.0/99'],
      expected: { ok: false, kind: 'private' },
    },
  ])('$name', ({ host, addresses, allow, expected }) => {
    expect(checkHostAddresses(host, addresses, parseAllowList(allow))).toMatchObject(expected)
  })
})

describe('isAllowEntry: what FETCH_ALLOW_PRIVATE_HOSTS accepts', () => {
  it.each([
    'intranet.example',
    'Intranet.Example.',
    '*.corp.example',
    'localhost',
    'news-site',
    '127.0.0.1',
    '10.0.0.0/8',
    '192.168.1.0/24',
    '::1',
    'fd00::/8',
    '::ffff:10.0.0.0/104',
  ])('accepts %j', (entry) => {
    expect(isAllowEntry(entry)).toBe(true)
  })

  it.each([
    '',
    ' ',
    'http://intranet.example/',
    'intranet.example:8080',
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/8/8',
    '10.0.0',
    '*.',
    '*',
    'a b',
    'under score?',
    '-bad.example',
  ])('refuses %j', (entry) => {
    expect(isAllowEntry(entry)).toBe(false)
  })
})
