/** Dutch messages: Playing SCORM and cmi5 packages (#21). Spread into nl.ts. */
export const packagePlayerNl = {
  'packagePlayer.title': 'Pakket afspelen',
}
