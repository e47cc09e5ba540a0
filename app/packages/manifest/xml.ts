import { SaxesParser, type SaxesAttributeNS } from 'saxes'
import type { ContentProblem } from '#app/content/content-error.ts'

/**
 * A manifest read into a small element tree that remembers where each element starts, so a
 * problem can name its line. saxes is a non-validating parser that knows only the five
 * predefined entities: a DOCTYPE's entity declarations are never expanded and nothing
 * external is ever fetched, so a manifest cannot blow up in memory or reach the network.
 */
export type XmlElement = {
  /** The local name, e.g. "item" for <imscp:item>. */
  name: string
  /** The namespace URI ('' when none). */
  uri: string
  /** Attributes by qualified name as written ("adlcp:scormtype", "xml:base", "identifier"). */
  attributes: Map<string, { local: string; uri: string; value: string }>
  children: XmlElement[]
  /** The text directly inside, as written (trimmed by the readers that use it). */
  text: string
  line: number
  col: number
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace'

/** Manifests are small; anything larger is not one. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024

export type XmlOutcome = { ok: true; root: XmlElement } | { ok: false; problem: ContentProblem }

export function parseXml(file: string, bytes: Uint8Array): XmlOutcome {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      problem: { file, line: 1, col: 1, message: 'the manifest is larger than 2 MiB' },
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problem: { file, line: 1, col: 1, message: 'the manifest is not UTF-8' } }
  }
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let start = { line: 1, col: 1 }
  parser.on('opentagstart', (tag) => {
    // The position is just past "<name": the tag's own line and the column of its "<",
    // not where its closing ">" is.
    start = { line: parser.line, col: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, { local: string; uri: string; value: string }>()
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      const a = attribute as SaxesAttributeNS
      attributes.set(name, { local: a.local, uri: a.uri, value: a.value })
    }
    const element: XmlElement = {
      name: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attributes,
      children: [],
      text: '',
      line: start.line,
      col: start.col,
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(element)
    else root = element
    if (!tag.isSelfClosing) stack.push(element)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.on('text', (t) => {
    const current = stack.at(-1)
    if (current) current.text += t
  })
  parser.on('cdata', (t) => {
    const current = stack.at(-1)
    if (current) current.text += t
  })
  let failure: ContentProblem | null = null
  parser.on('error', (error) => {
    // saxes prefixes "line:col: "; the position is ours to place.
    failure ??= {
      file,
      line: parser.line,
      col: parser.column,
      message: `not well-formed XML: ${error.message.replace(/^(\S+:)?\d+:\d+: /, '').replace(/\.$/, '')}`,
    }
    throw error
  })
  try {
    parser.write(text).close()
  } catch {
    // the failure is recorded above
  }
  if (failure) return { ok: false, problem: failure }
  if (!root) return { ok: false, problem: { file, line: 1, col: 1, message: 'the file is empty' } }
  return { ok: true, root }
}

/** The children with this local name (any namespace: manifests mix prefixes freely). */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name)

export const childNamed = (element: XmlElement, name: string) =>
  element.children.find((c) => c.name === name)

/** An attribute by local name, ignoring its prefix and the case of its name (scormtype/scormType). */
export function attribute(element: XmlElement, local: string): string | undefined {
  const wanted = local.toLowerCase()
  for (const a of element.attributes.values()) {
    if (a.local.toLowerCase() === wanted && a.uri !== XML_NS) return a.value
  }
  return undefined
}

export function xmlBase(element: XmlElement): string {
  for (const a of element.attributes.values()) {
    if (a.uri === XML_NS && a.local === 'base') return a.value
  }
  return ''
}

/** Every descendant with this local name, in document order. */
export function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) found.push(c)
      walk(c)
    }
  }
  walk(element)
  return found
}
