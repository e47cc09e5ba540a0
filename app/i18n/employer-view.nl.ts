/** Dutch messages: The employer matrix and team views on laptop and phone (#19). Spread into nl.ts. */
export const employerViewNl = {} as const
