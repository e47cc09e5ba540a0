import { describe, expect, test } from 'vitest'
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from './file-type.server.ts'

/** Bytes from a mix of text (as ASCII) and byte values, padded with zeros to `length`. */
function bytes(parts: (string | number[])[], length = 16): Uint8Array {
  const values = parts.flatMap((p) =>
    typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p,
  )
  const out = new Uint8Array(Math.max(length, values.length))
  out.set(values)
  return out
}

const RIFF_SIZE = [0x24, 0x08, 0x00, 0x00]

describe('sniffEvidenceType accepts', () => {
  test.each([
    ['PDF', bytes(['%PDF-1.7\n']), 'application/pdf', 'pdf', 'pdf'],
    ['PNG', bytes([[0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]]), 'image/png', 'png', 'image'],
    [
      'JPEG (JFIF)',
      bytes([[0xff, 0xd8, 0xff, 0xe0], [0x00, 0x10], 'JFIF']),
      'image/jpeg',
      'jpg',
      'image',
    ],
    ['JPEG (Exif)', bytes([[0xff, 0xd8, 0xff, 0xe1]]), 'image/jpeg', 'jpg', 'image'],
    ['WebP', bytes(['RIFF', RIFF_SIZE, 'WEBPVP8 ']), 'image/webp', 'webp', 'image'],
    ['MP3 with ID3 tag', bytes(['ID3', [0x04, 0x00]]), 'audio/mpeg', 'mp3', 'audio'],
    ['MP3 frame, MPEG-1', bytes([[0xff, 0xfb, 0x90, 0x64]]), 'audio/mpeg', 'mp3', 'audio'],
    ['MP3 frame, MPEG-2 no CRC', bytes([[0xff, 0xf3, 0x84, 0x64]]), 'audio/mpeg', 'mp3', 'audio'],
    ['MP3 frame, MPEG-2.5', bytes([[0xff, 0xe2, 0x10, 0x00]]), 'audio/mpeg', 'mp3', 'audio'],
    ['WAV', bytes(['RIFF', RIFF_SIZE, 'WAVEfmt ']), 'audio/wav', 'wav', 'audio'],
    ['Ogg', bytes(['OggS', [0x00, 0x02]]), 'audio/ogg', 'ogg', 'audio'],
    ['M4A', bytes([[0, 0, 0, 0x20], 'ftypM4A ']), 'audio/mp4', 'm4a', 'audio'],
    ['M4B', bytes([[0, 0, 0, 0x20], 'ftypM4B ']), 'audio/mp4', 'm4a', 'audio'],
    ['MP4 brand mp42', bytes([[0, 0, 0, 0x1c], 'ftypmp42']), 'audio/mp4', 'm4a', 'audio'],
    ['MP4 brand isom', bytes([[0, 0, 0, 0x1c], 'ftypisom']), 'audio/mp4', 'm4a', 'audio'],
    [
      'WebM',
      bytes([[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]]),
      'audio/webm',
      'webm',
      'audio',
    ],
  ] as const)('%s', (_name, head, mime, extension, kind) => {
    expect(sniffEvidenceType(head)).toEqual({ mime, extension, kind })
  })

  test('a head exactly as long as the signature', () => {
    expect(sniffEvidenceType(bytes(['%PDF-'], 0))?.kind).toBe('pdf')
    expect(sniffEvidenceType(bytes([[0xff, 0xd8, 0xff]], 0))?.mime).toBe('image/jpeg')
    expect(sniffEvidenceType(bytes([[0xff, 0xfb]], 0))?.mime).toBe('audio/mpeg')
  })
})

describe('sniffEvidenceType rejects', () => {
  test.each([
    ['an empty array', new Uint8Array(0)],
    ['a truncated PDF signature', bytes(['%PD'], 0)],
    ['a truncated PNG signature', bytes([[0x89], 'PNG'], 0)],
    ['a RIFF header cut before its format', bytes(['RIFF', RIFF_SIZE], 0)],
    ['an ftyp box cut before its brand', bytes([[0, 0, 0, 0x20], 'ftyp'], 0)],
    ['a lone 0xFF byte', bytes([[0xff]], 0)],
    ['HTML (say, a page renamed to .pdf)', bytes(['<html><body>'])],
    ['HTML with a doctype', bytes(['<!DOCTYPE html>'])],
    ['a PDF signature not at the very start', bytes(['\n%PDF-1.7'])],
    ['SVG', bytes(['<svg xmlns="http://www.w3.org/2000/svg">'])],
    ['GIF87a', bytes(['GIF87a'])],
    ['GIF89a', bytes(['GIF89a'])],
    ['a Windows executable', bytes(['MZ', [0x90, 0x00]])],
    ['an ELF executable', bytes([[0x7f], 'ELF'])],
    ['a zip archive', bytes(['PK', [0x03, 0x04]])],
    ['a docx document (zip)', bytes(['PK', [0x03, 0x04, 0x14, 0x00, 0x06, 0x00]])],
    ['plain text', bytes(['Hello, this is my evidence'])],
    ['a RIFF AVI video', bytes(['RIFF', RIFF_SIZE, 'AVI LIST'])],
    ['an MP4 with a video-only brand', bytes([[0, 0, 0, 0x18], 'ftypqt  '])],
    ['an MPEG frame of layer II', bytes([[0xff, 0xfd, 0x90, 0x00]])],
    ['an MPEG frame of layer I', bytes([[0xff, 0xff, 0x90, 0x00]])],
    ['an ADTS AAC stream (layer bits 00)', bytes([[0xff, 0xf1, 0x50, 0x80]])],
  ])('%s', (_name, head) => {
    expect(sniffEvidenceType(head)).toBeNull()
  })
})

test('the size limit is 20 MiB', () => {
  expect(EVIDENCE_MAX_BYTES).toBe(20_971_520)
})
