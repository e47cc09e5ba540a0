/** Largest evidence upload we accept; the upload route rejects anything bigger. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024

export type EvidenceFileType = { mime: string; extension: string; kind: 'pdf' | 'image' | 'audio' }

const PDF: EvidenceFileType = { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' }
const PNG: EvidenceFileType = { mime: 'image/png', extension: 'png', kind: 'image' }
const JPEG: EvidenceFileType = { mime: 'image/jpeg', extension: 'jpg', kind: 'image' }
const WEBP: EvidenceFileType = { mime: 'image/webp', extension: 'webp', kind: 'image' }
const MP3: EvidenceFileType = { mime: 'audio/mpeg', extension: 'mp3', kind: 'audio' }
const WAV: EvidenceFileType = { mime: 'audio/wav', extension: 'wav', kind: 'audio' }
const OGG: EvidenceFileType = { mime: 'audio/ogg', extension: 'ogg', kind: 'audio' }
const M4A: EvidenceFileType = { mime: 'audio/mp4', extension: 'm4a', kind: 'audio' }
const WEBM: EvidenceFileType = { mime: 'audio/webm', extension: 'webm', kind: 'audio' }

const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'isom'])

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b)
}

function ascii(head: Uint8Array, offset: number, length: number): string | null {
  if (head.length < offset + length) return null
  return String.fromCharCode(...head.subarray(offset, offset + length))
}

/**
 * The type of an uploaded evidence file, judged only by its first bytes (12 suffice): the
 * browser's Content-Type and the file name are chosen by the client and prove nothing.
 * Returns null for anything not on the allow-list, such as HTML, SVG, archives or programs,
 * so they can never be served back as evidence.
 */
export function sniffEvidenceType(head: Uint8Array): EvidenceFileType | null {
  if (ascii(head, 0, 5) === '%PDF-') return PDF
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG
  if (ascii(head, 0, 4) === 'RIFF') {
    const format = ascii(head, 8, 4)
    if (format === 'WEBP') return WEBP
    if (format === 'WAVE') return WAV
    return null
  }
  if (ascii(head, 0, 3) === 'ID3') return MP3
  // An MPEG audio frame starts with 11 sync bits; the mask keeps those and the layer bits,
  // which must say layer III. JPEG's 0xFF 0xD8 fails it, and is matched above anyway.
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe6) === 0xe2) return MP3
  if (ascii(head, 0, 4) === 'OggS') return OGG
  if (ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4)
    return brand !== null && MP4_AUDIO_BRANDS.has(brand) ? M4A : null
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return WEBM
  return null
}
