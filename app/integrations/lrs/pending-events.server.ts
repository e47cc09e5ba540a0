/**
 * What an organisation's LRS still lacks: every event of its active members without an
 * LrsDelivery row for it (the event log is the source, the rows the receipts).
 */
export function pendingEventsWhere(organisationId: string) {
  return {
    user: { memberships: { some: { organisationId, deactivatedAt: null } } },
    deliveries: { none: { organisationId } },
  }
}
