import fs from 'node:fs'
import { env } from '#app/env.server.ts'

/**
 * "Now" for the job schedule. Normally the system clock; when LEERPLEIN_CLOCK_FILE names a
 * file, the ISO time written in it (tests rewrite it to move the app's day forward).
 */
export function now(): Date {
  return env.LEERPLEIN_CLOCK_FILE ? clockFromFile(env.LEERPLEIN_CLOCK_FILE)() : new Date()
}

/** A clock that reads the time from a file at every call; a missing or bad file is an error. */
export function clockFromFile(file: string): () => Date {
  return () => {
    const text = fs.readFileSync(file, 'utf8').trim()
    const time = new Date(text)
    if (Number.isNaN(+time)) throw new Error(`clock file ${file}: not an ISO time: ${text}`)
    return time
  }
}

/** The date and hour on the clocks in Amsterdam: the day a daily job belongs to. */
export function amsterdamDay(time: Date): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(time)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) }
}
