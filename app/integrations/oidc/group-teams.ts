/**
 * How a groups claim maps to teams, as the configuration form writes it: one `group = team`
 * per line. A group without a line of its own goes to the team with exactly its name.
 */
export type GroupTeam = { group: string; team: string }

export function parseGroupTeams(text: string): GroupTeam[] | null {
  const pairs: GroupTeam[] = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const at = line.indexOf('=')
    if (at < 0) return null
    const group = line.slice(0, at).trim()
    const team = line.slice(at + 1).trim()
    if (!group || !team) return null
    pairs.push({ group, team })
  }
  return pairs
}

export function formatGroupTeams(pairs: readonly GroupTeam[]): string {
  return pairs.map((p) => `${p.group} = ${p.team}`).join('\n')
}

/** The team names a person's groups point at (duplicates removed). */
export function teamsForGroups(groups: readonly string[], pairs: readonly GroupTeam[]): string[] {
  const names = groups.flatMap((group) => {
    const mapped = pairs.filter((p) => p.group === group).map((p) => p.team)
    return mapped.length > 0 ? mapped : [group]
  })
  return [...new Set(names)]
}
