import { randomBytes } from 'node:crypto'

// Keys reach us from URLs, form fields and the database: only this exact shape is accepted,
// so no key can name a path outside the storage or another bucket's object.
const KEY = /^[0-9a-f]{32}$/

/** A new random object key: 128 bits, so no key can be guessed. */
export function newObjectKey(): string {
  return randomBytes(16).toString('hex')
}

export function isObjectKey(key: string): boolean {
  return KEY.test(key)
}
