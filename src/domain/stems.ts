/** The parts of a song a stems split yields, in the gateway's terms. */
export const stemKinds = [
  'VOCALS',
  'BACKING_VOCALS',
  'DRUMS',
  'BASS',
  'GUITAR',
  'KEYBOARD',
  'PERCUSSION',
  'STRINGS',
  'SYNTH',
  'FX',
  'BRASS',
  'WOODWINDS',
  'INSTRUMENTAL',
  'OTHER',
] as const;
export type StemKind = (typeof stemKinds)[number];
