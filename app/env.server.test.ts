import { describe, expect, test } from 'vitest'
import { parseEnv } from './env.server.ts'

describe('PUBLIC_URL', () => {
  test('unset, it is the address the server listens on (PORT, HOST)', () => {
    expect(parseEnv({}).PUBLIC_URL).toBe('http://localhost:3000')
    expect(parseEnv({ PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100')
    expect(parseEnv({ PORT: '3100', HOST: '0.0.0.0' }).PUBLIC_URL).toBe('http://localhost:3100')
    expect(parseEnv({ PORT: '8080', HOST: '127.0.0.1' }).PUBLIC_URL).toBe('http://127.0.0.1:8080')
    expect(parseEnv({ PORT: '8080', HOST: '::1' }).PUBLIC_URL).toBe('http://[::1]:8080')
  })

  test('set, it wins whatever the port', () => {
    const env = parseEnv({ PORT: '3100', PUBLIC_URL: 'https://leren.klantcontact-noord.nl' })
    expect(env.PUBLIC_URL).toBe('https://leren.klantcontact-noord.nl')
  })

  test('a port that is no port stops the start with a clear message', () => {
    expect(() => parseEnv({ PORT: 'drieduizend' })).toThrow(/PORT/)
  })
})
