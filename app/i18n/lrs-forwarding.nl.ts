/** Dutch messages: Forwarding statements to an organisation's own LRS (#21). Spread into nl.ts. */
export const lrsForwardingNl = {
  'lrsForwarding.title': 'Doorsturen naar uw LRS',
}
