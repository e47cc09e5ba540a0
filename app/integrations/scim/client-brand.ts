/**
 * Which SCIM user attribute names the client brand of a person's department team, per
 * organisation (outsourced contact centers work for several brands). `none` switches it off.
 */
export const BRAND_ATTRIBUTES = ['none', 'division', 'costCenter', 'organization', 'title'] as const
export type BrandAttribute = (typeof BRAND_ATTRIBUTES)[number]
/** The attributes that can carry a brand, as read from a SCIM User. */
export type BrandValues = Partial<Record<Exclude<BrandAttribute, 'none'>, string>>
