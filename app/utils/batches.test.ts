import { expect, test } from 'vitest'
import { batches } from './batches.ts'

test('a list is cut into batches of at most the given size, in order', () => {
  expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
  expect(batches([], 2)).toEqual([])
  expect(batches(Array.from({ length: 1000 }, (_, i) => i)).map((b) => b.length)).toEqual([
    500, 500,
  ])
})
