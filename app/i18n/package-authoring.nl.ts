/** Dutch messages: Package import and mapping for trainers (#21). Spread into nl.ts. */
export const packageAuthoringNl = {
  'packageAuthoring.title': 'Pakketten',
}
