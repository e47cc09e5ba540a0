/** Dutch messages: LTI Deep Linking: the teacher picks from our catalogue (#20). Spread into nl.ts. */
export const ltiDeepLinkingNl = {} as const
