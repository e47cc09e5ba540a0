import { expect, test } from 'vitest'
import { averageHandlingTime, occupancy, serviceLevel } from './kpi.ts'

test('AHT is talk + hold + after-call work per contact', () => {
  expect(averageHandlingTime(24_000, 3_000, 6_000, 100)).toBe(330)
  expect(averageHandlingTime(1, 1, 1, 0)).toBeNull()
})

test('service level 80/20: 400 of 500 answered within 20 s is 80%', () => {
  expect(serviceLevel(400, 500)).toBe(80)
  expect(serviceLevel(0, 0)).toBeNull()
})

test('occupancy is handling time over logged-in available time', () => {
  expect(occupancy(6 * 60, 2 * 60)).toBe(75)
})
