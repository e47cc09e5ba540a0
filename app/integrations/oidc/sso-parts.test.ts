import { describe, expect, test } from 'vitest'
import { emailDomain, parseDomains } from './email-domain.ts'
import { parseGroupTeams, teamsForGroups } from './group-teams.ts'
import { openSecret, sealSecret } from './secret-box.server.ts'

describe('the pieces of single sign-on', () => {
  test('a sealed secret opens to itself, differs each time, and a changed byte is refused', () => {
    const a = sealSecret('client-secret-1')
    const b = sealSecret('client-secret-1')
    expect(a).not.toBe(b)
    expect(a).not.toContain('client-secret-1')
    expect(openSecret(a)).toBe('client-secret-1')
    const [version, iv, tag, body] = a.split('.')
    const flipped = Buffer.from(body!, 'base64url')
    flipped[0] = flipped[0]! ^ 1
    expect(() => openSecret([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow()
  })

  test('domains: typed one per line or with commas, lowercased; one wrong one refuses all', () => {
    expect(parseDomains('Noord.nl\n@klantcontact-noord.nl, noord.nl')).toEqual([
      'noord.nl',
      'klantcontact-noord.nl',
    ])
    expect(parseDomains('noord.nl\nnot a domain')).toBeNull()
    expect(parseDomains('localhost')).toBeNull()
    expect(emailDomain('Lotte@Noord.NL')).toBe('noord.nl')
    expect(emailDomain('geen-apenstaartje')).toBeNull()
  })

  test('groups go to their mapped team, or else to the team of the same name', () => {
    const pairs = parseGroupTeams(
      'sg-1 = Team Service\n\nsg-2 = Team Retentie\nsg-2 = Team Service',
    )
    expect(pairs).toHaveLength(3)
    expect(teamsForGroups(['sg-1', 'sg-2', 'Team Zuid'], pairs!)).toEqual([
      'Team Service',
      'Team Retentie',
      'Team Zuid',
    ])
    expect(parseGroupTeams('sg-1 Team Service')).toBeNull()
    expect(parseGroupTeams('= Team Service')).toBeNull()
  })
})
