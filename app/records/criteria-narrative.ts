/**
 * A record's criteria narrative split for reading: the sentence before the numbered criteria,
 * the criteria themselves, and what follows (the result). Records issued before the narrative
 * had one criterion per line ran them together in one paragraph ("… 1. A (…) 2. B (…)
 * Resultaat: …"); those are split the same way.
 */
export function criteriaParts(narrative: string) {
  const lines = narrative
    .replace(/\s+(?=\d+\.\s)/g, '\n')
    .replace(/\s+(?=Resultaat: )/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const isItem = (line: string) => /^\d+\.\s/.test(line)
  const first = lines.findIndex(isItem)
  if (first === -1) return { intro: lines, items: [], outro: [] }
  const last = lines.findLastIndex(isItem)
  return {
    intro: lines.slice(0, first),
    items: lines.slice(first, last + 1).map((l) => l.replace(/^\d+\.\s+/, '')),
    outro: lines.slice(last + 1),
  }
}

/** The same parts as lines of text (numbered), for the certificate. */
export function criteriaLines(narrative: string) {
  const { intro, items, outro } = criteriaParts(narrative)
  return [...intro, ...items.map((item, i) => `${i + 1}. ${item}`), ...outro].join('\n')
}
