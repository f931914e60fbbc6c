import { describe, expect, it } from 'vitest'
import { decodeSavedPage } from '../../src/ingest/charset.js'

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0))

describe('decodeSavedPage', () => {
  it.each([
    { name: 'UTF-8', bytes: new TextEncoder().encode('<p>Café “quoted”</p>'), declared: null, expected: '<p>Café “quoted”</p>' },
    {
      name: 'UTF-8 with a byte order mark',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Café</p>')]),
      declared: null,
      expected: '<p>Café</p>',
    },
    {
      name: 'windows-1252 declared in a meta tag',
      bytes: Uint8Array.from([...latin1('<meta charset="windows-1252"><p>Caf'), 0xe9, 0x20, 0x93, 0x71, 0x94]),
      declared: null,
      expected: '<meta charset="windows-1252"><p>Café “q”',
    },
    {
      name: 'ISO-8859-2 declared in http-equiv',
      bytes: Uint8Array.from([
        ...latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>'),
        0xb3,
        0xf3,
        0x64,
        0xbc,
      ]),
      declared: null,
      expected: '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>łódź',
    },
    { name: 'Shift_JIS declared by the caller', bytes: Uint8Array.from([0x93, 0xfa, 0x96, 0x7b]), declared: 'Shift_JIS', expected: '日本' },
    {
      name: 'undeclared bytes that are not UTF-8, as windows-1252',
      bytes: Uint8Array.from([0x43, 0x61, 0x66, 0xe9]),
      declared: null,
      expected: 'Café',
    },
    { name: 'an unknown declared charset, ignored', bytes: new TextEncoder().encode('Café'), declared: 'x-unknown', expected: 'Café' },
  ])('$name', ({ bytes, declared, expected }) => {
    expect(decodeSavedPage(bytes, declared)).toBe(expected)
  })
})
