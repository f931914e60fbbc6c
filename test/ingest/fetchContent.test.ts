import { describe, expect, it } from 'vitest'
import { decodePageText, detectEncoding, encodingForLabel } from '../../src/ingest/charset.js'
import { looksLikeHtml, parseContentType, sniffBinaryType } from '../../src/ingest/fetchContent.js'

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))

describe('parseContentType', () => {
  it.each([
    { header: 'text/html; charset=UTF-8', expected: { mediaType: 'text/html', charset: 'UTF-8' } },
    { header: 'Text/HTML;Charset="windows-1252"', expected: { mediaType: 'text/html', charset: 'windows-1252' } },
    { header: 'application/xhtml+xml', expected: { mediaType: 'application/xhtml+xml', charset: null } },
    { header: 'text/plain; format=flowed; charset=iso-8859-2', expected: { mediaType: 'text/plain', charset: 'iso-8859-2' } },
    { header: 'nonsense', expected: { mediaType: null, charset: null } },
    { header: '', expected: { mediaType: null, charset: null } },
    { header: undefined, expected: { mediaType: null, charset: null } },
  ])('reads $header', ({ header, expected }) => {
    expect(parseContentType(header)).toEqual(expected)
  })
})

describe('sniffBinaryType: what the bytes are, whatever the header says', () => {
  it.each([
    { name: 'PNG', body: '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', expected: 'image/png' },
    { name: 'GIF', body: 'GIF89a\x01\0\x01\0', expected: 'image/gif' },
    { name: 'JPEG', body: '\xff\xd8\xff\xe0\0\x10JFIF', expected: 'image/jpeg' },
    { name: 'PDF', body: '%PDF-1.7\n%\xe2\xe3\xcf\xd3', expected: 'application/pdf' },
    { name: 'ZIP (docx, epub)', body: 'PK\x03\x04\x14\0\x06\0', expected: 'application/zip' },
    { name: 'gzip', body: '\x1f\x8b\x08\0\0\0\0\0', expected: 'application/gzip' },
    { name: 'a Windows program', body: 'MZ\x90\0\x03\0\0\0', expected: 'application/x-msdownload' },
    { name: 'unknown bytes with NULs', body: 'abc\0def', expected: 'application/octet-stream' },
    { name: 'HTML', body: '<!doctype html><p>Hi</p>', expected: null },
    { name: 'text that starts like a Windows program', body: 'MZ is a rapper from Paris.', expected: null },
    { name: 'text with tabs, form feeds and ESC', body: 'a\tb\r\n\x0cc\x1bd', expected: null },
    { name: 'windows-1252 text', body: '\x93Quoted\x94 caf\xe9', expected: null },
    { name: 'UTF-16 with a byte order mark', body: '\xff\xfeH\0i\0', expected: null },
  ])('$name → $expected', ({ body, expected }) => {
    expect(sniffBinaryType(bytes(body))).toBe(expected)
  })

  it('takes declared UTF-16 zero bytes for text, but not a PNG signature', () => {
    expect(sniffBinaryType(new Uint8Array(Buffer.from('Hi', 'utf16le')), true)).toBeNull()
    expect(sniffBinaryType(bytes('\x89PNG\r\n\x1a\n\0\0'), true)).toBe('image/png')
  })
})

describe('looksLikeHtml', () => {
  it.each([
    { body: '<!DOCTYPE html><html>', expected: true },
    { body: '\xef\xbb\xbf  <html lang="en">', expected: true },
    { body: '<!-- generated --><head><title>x</title>', expected: true },
    { body: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', expected: true },
    { body: 'Budget passed\n<not a tag>', expected: false },
    { body: '# A Markdown heading', expected: false },
  ])('$body → $expected', ({ body, expected }) => {
    expect(looksLikeHtml(bytes(body))).toBe(expected)
  })
})

describe('charset', () => {
  it.each([
    { label: 'latin1', expected: 'windows-1252' },
    { label: 'ISO-8859-1', expected: 'windows-1252' },
    { label: 'sjis', expected: 'shift_jis' },
    { label: ' UTF8 ', expected: 'utf-8' },
    { label: 'koi8-r', expected: 'koi8-r' },
    { label: 'no-such-charset', expected: null },
    { label: '', expected: null },
  ])('the label $label is $expected', ({ label, expected }) => {
    expect(encodingForLabel(label)).toBe(expected)
  })

  it.each([
    { name: 'a UTF-8 BOM beats the header', body: '\xef\xbb\xbfcaf\xc3\xa9', header: 'windows-1252', isHtml: true, expected: 'utf-8' },
    { name: 'the header beats the meta', body: '<meta charset="shift_jis">', header: 'iso-8859-2', isHtml: true, expected: 'iso-8859-2' },
    { name: '<meta charset>', body: '<head><meta charset=windows-1251>', header: null, isHtml: true, expected: 'windows-1251' },
    {
      name: '<meta http-equiv>',
      body: '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">',
      header: null,
      isHtml: true,
      expected: 'euc-jp',
    },
    { name: 'a meta saying UTF-16 means UTF-8', body: '<meta charset="utf-16">', header: null, isHtml: true, expected: 'utf-8' },
    { name: 'a meta in plain text is just text', body: '<meta charset="shift_jis">', header: null, isHtml: false, expected: 'utf-8' },
    {
      name: 'an unknown header label falls through',
      body: '<meta charset="iso-8859-2">',
      header: 'bogus',
      isHtml: true,
      expected: 'iso-8859-2',
    },
    { name: 'undeclared valid UTF-8', body: 'caf\xc3\xa9', header: null, isHtml: true, expected: 'utf-8' },
    { name: 'undeclared bytes that are not UTF-8', body: 'caf\xe9', header: null, isHtml: true, expected: 'windows-1252' },
  ])('$name → $expected', ({ body, header, isHtml, expected }) => {
    expect(detectEncoding(bytes(body), header, isHtml)).toBe(expected)
  })

  it('decodes the windows-1252 punctuation Node 20 reads as latin1 controls', () => {
    expect(decodePageText(bytes('\x80 \x85 \x91x\x92 \x93y\x94 \x96 \x97 \x99 \x8a\x9f'), 'windows-1252', false)).toBe(
      '€ … ‘x’ “y” – — ™ ŠŸ',
    )
  })
})
