/**
 * Which stem a stem clip holds, read from what the upstream gives: `metadata.stem_type_group_name` when a clip carries
 * it, else the suffix of its title, `<song> (<Stem>)` or `<song> - <Stem>` (both forms are seen, docs/upstream.md §5
 * and §15.2). Only the suffix is read, never the song's own title: a song called "Vocal Bass Drum Love" must not turn
 * every one of its stems into vocals. The upstream's name is kept as it is; names the gateway does not know are OTHER,
 * and a split may have any number of stems (2, 4, 12, 24 are all reported).
 */
import type { StemKind } from '../domain/stems.js';

/** Words in an upstream stem name, checked in order ("Backing Vocals" before "Vocals", "Bass Drum" as drums). */
const stemWords: [RegExp, StemKind][] = [
  [/backing|harmon/, 'BACKING_VOCALS'],
  [/vocal|vox|voice|choir/, 'VOCALS'],
  [/instrumental|accompaniment/, 'INSTRUMENTAL'],
  [/drum|kick|snare|hi-?hats?\b|cymbal/, 'DRUMS'],
  [/bass/, 'BASS'],
  [/guitar/, 'GUITAR'],
  [/\bkeys?\b|keyboard|piano|organ/, 'KEYBOARD'],
  [/perc/, 'PERCUSSION'],
  [/string|violin|cello/, 'STRINGS'],
  [/synth|\bpads?\b/, 'SYNTH'],
  [/\bfx\b|effect/, 'FX'],
  [/brass|horn|trumpet|trombone/, 'BRASS'],
  [/woodwind|flute|sax|clarinet|oboe/, 'WOODWINDS'],
];

/**
 * Names a title may consist of alone (a stem of a song without a title): only then is a title with no suffix read
 * as a stem name.
 */
const bareNames = new Set([
  'vocals',
  'backing vocals',
  'instrumental',
  'drums',
  'bass',
  'guitar',
  'keyboard',
  'keys',
  'percussion',
  'strings',
  'synth',
  'fx',
  'fx/other',
  'brass',
  'woodwinds',
]);

function kindOfName(name: string): StemKind | undefined {
  const lower = name.toLowerCase();
  return stemWords.find(([pattern]) => pattern.test(lower))?.[1];
}

/** The stem part of a title: its trailing parenthesis, else the text after its last " - ", else nothing. */
export function titleSuffix(title: string): string | null {
  const trimmed = title.trim();
  const paren = /\(([^()]+)\)$/.exec(trimmed)?.[1]?.trim();
  if (paren) return paren;
  const separators = [...trimmed.matchAll(/\s[-–—]\s/g)];
  const last = separators.at(-1);
  const dash = last?.index === undefined ? '' : trimmed.slice(last.index + last[0].length).trim();
  return dash || null;
}

/** `Backing_Vocals` → `Backing Vocals`. */
const labelName = (label: string) => label.replace(/_+/g, ' ').trim();

/**
 * The stem a clip holds, and its name as the upstream gives it. `label` is the clip's
 * `metadata.stem_type_group_name`, when it has one: it decides the kind when the gateway knows it. The name is the
 * title's suffix when there is one (the upstream's own wording), else the label.
 */
export function stemOf(title: string | null, label: string | null = null): { kind: StemKind; name: string } {
  const whole = (title ?? '').trim();
  const suffix = whole ? titleSuffix(whole) : null;
  const labelled = label ? labelName(label) : null;
  const byLabel = labelled ? kindOfName(labelled) : undefined;
  if (byLabel) return { kind: byLabel, name: suffix ?? labelled ?? whole };
  if (suffix) return { kind: kindOfName(suffix) ?? 'OTHER', name: suffix };
  if (bareNames.has(whole.toLowerCase())) return { kind: kindOfName(whole) ?? 'OTHER', name: whole };
  return { kind: 'OTHER', name: labelled ?? whole };
}
