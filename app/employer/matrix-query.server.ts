import type { MatrixQuery } from './matrix.server.ts'

/**
 * The matrix's filters from the URL (a GET form, so filtered views can be bookmarked and
 * exported with the same parameters). Anything malformed falls back to the default.
 */
export function parseMatrixQuery(params: URLSearchParams, defaultDossier: string): MatrixQuery {
  const text = (name: string, max = 100) => {
    const v = params.get(name)?.trim()
    return v && v.length <= max ? v : undefined
  }
  const status = Number(params.get('status'))
  const page = Number(params.get('page'))
  return {
    dossierSlug: text('dossier')?.match(/^[a-z0-9-]+$/) ? text('dossier')! : defaultDossier,
    teamId: text('team', 50),
    q: text('q'),
    workProcess: text('wp', 20)?.match(/^[A-Z]+-K\d+-W\d+$/) ? text('wp', 20) : undefined,
    status:
      params.get('status') !== null &&
      params.get('status') !== '' &&
      Number.isInteger(status) &&
      status >= 0 &&
      status <= 4
        ? status
        : undefined,
    sort: params.get('sort') === 'progress' ? 'progress' : 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

/** The query back as URL parameters (defaults left out), e.g. for export links and paging. */
export function matrixSearch(query: MatrixQuery) {
  const params = new URLSearchParams()
  params.set('dossier', query.dossierSlug)
  if (query.teamId) params.set('team', query.teamId)
  if (query.q) params.set('q', query.q)
  if (query.workProcess) params.set('wp', query.workProcess)
  if (query.status !== undefined) params.set('status', String(query.status))
  if (query.sort !== 'name') params.set('sort', query.sort)
  if (query.dir !== 'asc') params.set('dir', query.dir)
  return params.toString()
}

/**
 * How the matrix is shown, apart from what it shows: the core tasks folded into one summary
 * column (`collapse=TL-K1,TL-K3`), and on a phone the one person whose work processes are
 * listed (`person=<membership id>`). Links, not scripts, change these, so they work without
 * JavaScript and survive a reload.
 */
export type MatrixView = { collapsed: string[]; person?: string }

export function parseMatrixView(params: URLSearchParams): MatrixView {
  const collapsed = (params.get('collapse') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => /^[A-Z]+-K\d+$/.test(c))
  const person = params.get('person')?.trim()
  return {
    collapsed: [...new Set(collapsed)].slice(0, 20),
    person: person && /^[\w-]{1,50}$/.test(person) ? person : undefined,
  }
}
