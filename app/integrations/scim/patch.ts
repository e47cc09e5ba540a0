import { invalidPath, invalidValue, ScimError } from './errors.ts'
import { parseComparison } from './filter.ts'

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

/**
 * RFC 7644 §3.5.2 PATCH, applied to a resource's JSON: the caller reads the resource, applies
 * the operations here, validates the result as a whole and writes it in one transaction. So a
 * failing operation anywhere in the list changes nothing.
 *
 * Entra's ways are accepted: capitalised ops ("Replace"), operations without a path whose
 * value object names attributes (also dotted or extension-qualified ones), value-filtered
 * paths (`emails[type eq "work"].value`, which creates the e-mail when none has that type),
 * and "Remove" of `members` with the members to remove as the value.
 */
type Json = unknown
type JsonObject = Record<string, Json>
type Segment = { name: string; filter?: { attribute: string; value: string } }

export type PatchSpec = {
  /** Top-level attribute names (and extension schema URNs) a path may start with. */
  attributes: readonly string[]
  maxOperations: number
}

export function applyPatch(resource: JsonObject, body: unknown, spec: PatchSpec): JsonObject {
  const operations = readOperations(body, spec)
  const result = structuredClone(resource)
  for (const operation of operations) applyOperation(result, operation, spec)
  return result
}

type Operation = { op: 'add' | 'replace' | 'remove'; path?: string; value?: Json }

function readOperations(body: unknown, spec: PatchSpec): Operation[] {
  if (!isObject(body)) throw new ScimError(400, 'A PatchOp object is required', 'invalidSyntax')
  const schemas = body.schemas
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA))
    throw new ScimError(400, `schemas must contain ${PATCH_OP_SCHEMA}`, 'invalidSyntax')
  const list = get(body, 'Operations')
  if (!Array.isArray(list) || list.length === 0)
    throw new ScimError(400, 'Operations must be a non-empty list', 'invalidSyntax')
  if (list.length > spec.maxOperations)
    throw new ScimError(400, `At most ${spec.maxOperations} operations per request`, 'tooMany')
  return list.map((raw) => {
    if (!isObject(raw)) throw new ScimError(400, 'An operation must be an object', 'invalidSyntax')
    const op = String(get(raw, 'op') ?? '').toLowerCase()
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new ScimError(400, `Unknown op ${String(get(raw, 'op'))}`, 'invalidSyntax')
    const path = get(raw, 'path')
    if (path !== undefined && typeof path !== 'string') throw invalidPath('path must be a string')
    return { op, path: path || undefined, value: get(raw, 'value') }
  })
}

function applyOperation(resource: JsonObject, operation: Operation, spec: PatchSpec) {
  const { op, path, value } = operation
  if (path) return applyAtPath(resource, parsePath(path, spec), op, value)
  if (op === 'remove') throw new ScimError(400, 'remove needs a path', 'noTarget')
  if (!isObject(value)) throw invalidValue(`${op} without a path needs an object value`)
  for (const [key, inner] of Object.entries(value)) {
    const urn = spec.attributes.find((a) => a.startsWith('urn:') && sameName(a, key))
    if (urn && isObject(inner)) {
      // An extension object merges attribute by attribute, like a path per attribute.
      for (const [sub, subValue] of Object.entries(inner))
        applyAtPath(resource, [{ name: urn }, ...parsePlainPath(sub)], op, subValue)
    } else {
      applyAtPath(resource, parsePath(key, spec), op, inner)
    }
  }
}

/** `name.givenName`, `emails[type eq "work"].value`, `urn:…:User:manager`. */
function parsePath(path: string, spec: PatchSpec): Segment[] {
  const urn = spec.attributes
    .filter((a) => a.startsWith('urn:'))
    .find((a) => path.toLowerCase().startsWith(`${a.toLowerCase()}:`) || sameName(a, path))
  const segments = urn
    ? [{ name: urn }, ...(sameName(urn, path) ? [] : parsePlainPath(path.slice(urn.length + 1)))]
    : parsePlainPath(path)
  if (!spec.attributes.some((a) => sameName(a, segments[0]!.name)))
    throw invalidPath(`Unknown attribute ${segments[0]!.name}`)
  return segments
}

const SEGMENT = /^([A-Za-z$][\w$-]*)(?:\[([^\]]*)\])?$/

function parsePlainPath(path: string): Segment[] {
  const bracket = path.indexOf('[')
  const close = path.indexOf(']')
  // Split on dots outside the filter's brackets (a filter value may contain a dot).
  const parts =
    bracket >= 0 && close > bracket
      ? [
          ...path.slice(0, bracket).split('.').slice(0, -1),
          path.slice(path.lastIndexOf('.', bracket) + 1, close + 1),
          ...path
            .slice(close + 1)
            .split('.')
            .filter(Boolean),
        ]
      : path.split('.')
  return parts.map((part) => {
    const match = SEGMENT.exec(part)
    if (!match) throw invalidPath(`Invalid path ${path}`)
    if (match[2] === undefined) return { name: match[1]! }
    const filter = parseComparison(match[2])
    if (!filter) throw invalidPath(`Unsupported filter in path ${path}`)
    return { name: match[1]!, filter }
  })
}

function applyAtPath(target: JsonObject, segments: Segment[], op: Operation['op'], value: Json) {
  const [head, ...rest] = segments as [Segment, ...Segment[]]
  const key = keyIn(target, head.name)
  if (head.filter) {
    const list = Array.isArray(target[key]) ? (target[key] as Json[]) : []
    const matches = list.filter((item) => isObject(item) && matchesFilter(item, head.filter!))
    if (op === 'remove' && rest.length === 0) {
      target[key] = list.filter((item) => !matches.includes(item))
      return
    }
    if (matches.length === 0) {
      if (op === 'remove') return
      const created: JsonObject = { [head.filter.attribute]: head.filter.value }
      target[key] = [...list, created]
      matches.push(created)
    }
    for (const item of matches) {
      if (rest.length === 0) {
        if (!isObject(value)) throw invalidValue(`${head.name} items must be objects`)
        Object.assign(item as JsonObject, value)
      } else applyAtPath(item as JsonObject, rest, op, value)
    }
    return
  }
  if (rest.length > 0) {
    if (op === 'remove' && !isObject(target[key])) return
    if (!isObject(target[key])) target[key] = {}
    return applyAtPath(target[key] as JsonObject, rest, op, value)
  }
  const current = target[key]
  if (op === 'remove') {
    if (Array.isArray(current) && Array.isArray(value)) {
      const gone = new Set(value.map(valueOf))
      target[key] = current.filter((item) => !gone.has(valueOf(item)))
    } else delete target[key]
    return
  }
  if (op === 'add' && Array.isArray(current)) {
    const added = Array.isArray(value) ? value : [value]
    const present = new Set(current.map(valueOf))
    target[key] = [...current, ...added.filter((item) => !present.has(valueOf(item)))]
    return
  }
  if (op === 'add' && isObject(current) && isObject(value)) {
    Object.assign(current, value)
    return
  }
  target[key] = value
}

function matchesFilter(item: JsonObject, filter: { attribute: string; value: string }) {
  const actual = item[keyIn(item, filter.attribute)]
  return typeof actual === 'string' && actual.toLowerCase() === filter.value.toLowerCase()
}

/** A multi-valued item's identity: its `value` (members, emails), else the item itself. */
function valueOf(item: Json): Json {
  return isObject(item) && 'value' in item ? item.value : item
}

/** SCIM attribute names are case-insensitive: reuse the key the resource already has. */
function keyIn(object: JsonObject, name: string): string {
  return Object.keys(object).find((k) => sameName(k, name)) ?? name
}

function get(object: JsonObject, name: string): Json {
  return object[keyIn(object, name)]
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
