/** Dutch messages: Layout, navigation, notices and shared components (#19). Spread into nl.ts. */
export const designNl = {
  'design.menu': 'Menu',
  'design.account': 'Mijn account',
} as const
