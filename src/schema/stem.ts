/** A stem as a GraphQL type: a clip of a stems task with its kind, keyed by its clip's id. */
import { builder } from '../builder.js';
import { describedEnum } from './enums.js';
import { stemKinds, type StemKind } from '../domain/stems.js';
import { type Clip } from '../domain/clip.js';
import { ClipRef } from './clip.js';

const descriptions: Record<StemKind, string> = {
  VOCALS: 'Lead vocals.',
  BACKING_VOCALS: 'Backing vocals and harmonies.',
  DRUMS: 'Drum kit.',
  BASS: 'Bass line.',
  GUITAR: 'Guitars.',
  KEYBOARD: 'Piano, organ and other keys.',
  PERCUSSION: 'Percussion other than the drum kit.',
  STRINGS: 'Bowed and plucked strings.',
  SYNTH: 'Synthesizers and pads.',
  FX: 'Effects, risers and ambience.',
  BRASS: 'Brass section.',
  WOODWINDS: 'Woodwinds.',
  INSTRUMENTAL: 'Everything but the vocals (basic two-stem split only).',
  OTHER: 'A stem whose name the gateway does not recognise; see `name`.',
};

export const StemKindEnum = describedEnum(
  'StemKind',
  'Which part of a song a stem holds, read from the stem name the upstream gives (the suffix of the clip title, `<song> (Vocals)` or `<song> - Vocals`, or its metadata), never from the song title. A full split is documented as twelve stems (VOCALS to WOODWINDS) and has been seen with 24; a basic split as VOCALS and INSTRUMENTAL. A name the gateway does not know is OTHER.',
  stemKinds,
  descriptions,
);

export interface Stem {
  kind: StemKind;
  name: string;
  clip: Clip;
}

export const StemRef = builder.objectRef<Stem>('Stem').implement({
  description: 'One separated track of a song, produced by a stems task.',
  fields: (t) => ({
    id: t.id({
      description:
        "The id of the stem's clip, so a normalised cache can key the stem (Apollo and urql key by type and id). Relay keys " +
        'records by `id` alone, where the Stem and its Clip would be one record: see docs/clients.md, "Relay".',
      resolve: (s) => s.clip.id,
    }),
    kind: t.field({ type: StemKindEnum, description: 'Which part of the song this is.', resolve: (s) => s.kind }),
    name: t.exposeString('name', {
      description: 'The stem name as the upstream gives it, e.g. `Backing Vocals` or `FX/Other`; it tells OTHER stems apart.',
    }),
    clip: t.field({ type: ClipRef, description: 'The clip holding the stem audio.', resolve: (s) => s.clip }),
  }),
});
