/** `?version=3` selects an older dossier version; anything else than a positive integer is ignored. */
export function versionParam(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get('version')
  if (raw === null || !/^[1-9]\d{0,5}$/.test(raw)) return undefined
  return Number(raw)
}
