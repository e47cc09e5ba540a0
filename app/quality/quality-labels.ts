import type { TextKey } from '#app/i18n/i18n.ts'
import type { Channel, ItemScale } from './scorecard-definition.ts'

export const EVALUATION_STATUSES = [
  'open',
  'acknowledged',
  'disputed',
  'upheld',
  'changed',
] as const
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number]

export const EVALUATION_STATUS_LABEL: Record<EvaluationStatus, TextKey> = {
  open: 'quality.status.open',
  acknowledged: 'quality.status.acknowledged',
  disputed: 'quality.status.disputed',
  upheld: 'quality.status.upheld',
  changed: 'quality.status.changed',
}

export const CHANNEL_LABEL: Record<Channel, TextKey> = {
  phone: 'quality.channel.phone',
  chat: 'quality.channel.chat',
  email: 'quality.channel.email',
  social: 'quality.channel.social',
}

export const SCALE_LABEL: Record<ItemScale, TextKey> = {
  yes_no: 'quality.scale.yes_no',
  one_to_five: 'quality.scale.one_to_five',
}
