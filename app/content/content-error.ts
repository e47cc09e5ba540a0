/**
 * A problem in a content file (dossier data, course files), located so an author can jump to it.
 * Printed as `file:line:col path: message`, the form editors and CI logs link.
 */
export type ContentProblem = {
  file: string
  line: number
  col: number
  /** Where inside the document, e.g. `coreTasks[0].workProcesses[2].competencies[1]`. */
  path?: string
  message: string
}

export function formatProblem(p: ContentProblem): string {
  const where = p.path ? `${p.path}: ` : ''
  return `${p.file}:${p.line}:${p.col} ${where}${p.message}`
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ContentError'
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out
}
