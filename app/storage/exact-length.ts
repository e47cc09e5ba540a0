import { Transform } from 'node:stream'

/** Thrown when a body is longer or shorter than it said it would be. */
export class LengthMismatchError extends Error {
  constructor(expected: number, actual: 'more' | number) {
    super(
      actual === 'more'
        ? `body is longer than the declared ${expected} bytes`
        : `body ended after ${actual} of the declared ${expected} bytes`,
    )
    this.name = 'LengthMismatchError'
  }
}

/**
 * Passes a stream through unchanged but fails it with a LengthMismatchError as soon as it
 * runs past `expected` bytes, or when it ends short: a storage must never keep a part or an
 * object of another length than was declared.
 */
export function exactLength(expected: number): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length
      if (seen > expected) callback(new LengthMismatchError(expected, 'more'))
      else callback(null, chunk)
    },
    flush(callback) {
      callback(seen === expected ? null : new LengthMismatchError(expected, seen))
    },
  })
}
