/**
 * What a user owns besides tasks. Sign-in made task ids private, but a song is reached by its clips (a clip id is in
 * every audio URL), and the upstream cannot tell the users sharing the server's key apart. So the gateway records
 * who owns each clip, persona and vox id it hands out, and, with sign-in on, accepts an id only from its owner.
 */
export type OwnedKind = 'clip' | 'persona' | 'vox';

export interface OwnedId {
  kind: OwnedKind;
  id: string;
}

/** Whose ids must be their own: `owner` checks every clip, persona and vox id a caller gives; `any` checks none. */
export type ClipAccess = 'owner' | 'any';

/** How each kind is named to a client (in a NOT_FOUND message). */
export const ownedKindNames: Record<OwnedKind, string> = { clip: 'Clip', persona: 'Persona', vox: 'Vocal sample' };
