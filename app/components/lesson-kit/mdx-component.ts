import { getMDXComponent } from 'mdx-bundler/client'

type MdxComponent = ReturnType<typeof getMDXComponent>

// Evaluating a compiled lesson is the costly part of rendering it: keep each one, by its
// content hash, for the life of the process (server) or page (browser). Bounded, oldest out.
const components = new Map<string, MdxComponent>()
const MAX = 500

export function mdxComponentFor(hash: string, code: string): MdxComponent {
  let component = components.get(hash)
  if (!component) {
    component = getMDXComponent(code)
    components.set(hash, component)
    if (components.size > MAX) components.delete(components.keys().next().value!)
  }
  return component
}
