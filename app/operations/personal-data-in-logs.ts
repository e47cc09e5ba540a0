/**
 * Names and e-mail addresses have no place in the server's log, metrics or error reports (AVG:
 * logs are kept longer and read by more people than the data itself). This finds them in a
 * log, line by line, so a test can fail with the offending lines (docs/privacy.md, "Logs").
 */
export type LoggedPerson = { name: string; email: string }
export type Finding = { line: number; text: string; found: string[] }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function personalDataInLog(log: string, people: readonly LoggedPerson[]): Finding[] {
  // Whole words only, any case: "Tim Dekker" but not "Tim Dekkers"; JSON escapes aside, a
  // name is written as it is.
  const terms = people.flatMap((p) => [p.name, p.email])
  const patterns = terms.map((term) => ({
    term,
    pattern: new RegExp(`(?<![\\w.@-])${escape(term)}(?![\\w@-])`, 'i'),
  }))
  const findings: Finding[] = []
  log.split('\n').forEach((text, i) => {
    const found = patterns.filter((p) => p.pattern.test(text)).map((p) => p.term)
    if (found.length > 0) findings.push({ line: i + 1, text, found })
  })
  return findings
}

/** The findings as a report: each line number, what was found, and the line (shortened). */
export function describeFindings(file: string, findings: readonly Finding[]) {
  return findings
    .map((f) => `${file}:${f.line}: ${f.found.join(', ')}\n  ${f.text.slice(0, 300)}`)
    .join('\n')
}
