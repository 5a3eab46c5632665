/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new song (two takes). Custom mode (`customMode: true`) takes your lyrics, title and style tags; description mode takes a sentence (`description`) and writes the rest. */
export type CreateMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** The upstream generation model. */
export type MusicModel =
  /** sonic-v3-5: lyrics up to 3,000 characters. */
  | 'SONIC_V3_5'
  /** sonic-v4: lyrics up to 3,000 characters. */
  | 'SONIC_V4'
  /** sonic-v4-5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V4_5'
  /** sonic-v4-5-plus: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V4_5_PLUS'
  /** sonic-v5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V5'
  /** sonic-v5-5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V5_5'
  /** sonic-v6, the newest generation: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V6'
  /** sonic-v6-mini: a faster, lighter sonic-v6. */
  | 'SONIC_V6_MINI'
  /** sonic-v6-wild: a more adventurous sonic-v6. */
  | 'SONIC_V6_WILD';

/** Which part of a song a stem holds. A full split yields the twelve kinds from VOCALS to WOODWINDS; a basic split VOCALS and INSTRUMENTAL. */
export type StemKind =
  /** Backing vocals and harmonies. */
  | 'BACKING_VOCALS'
  /** Bass line. */
  | 'BASS'
  /** Brass section. */
  | 'BRASS'
  /** Drum kit. */
  | 'DRUMS'
  /** Effects, risers and ambience. */
  | 'FX'
  /** Guitars. */
  | 'GUITAR'
  /** Everything but the vocals (basic two-stem split only). */
  | 'INSTRUMENTAL'
  /** Piano, organ and other keys. */
  | 'KEYBOARD'
  /** A stem whose name the gateway does not recognise; see `name`. */
  | 'OTHER'
  /** Percussion other than the drum kit. */
  | 'PERCUSSION'
  /** Bowed and plucked strings. */
  | 'STRINGS'
  /** Synthesizers and pads. */
  | 'SYNTH'
  /** Lead vocals. */
  | 'VOCALS'
  /** Woodwinds. */
  | 'WOODWINDS';

/** Which operation created a task. */
export type TaskKind =
  /** A new song from lyrics and style, or from a description (two takes). */
  | 'CREATE_MUSIC'
  /** A split of a song into vocals and instrumental. */
  | 'STEMS_BASIC'
  /** A split of a song into twelve stems. */
  | 'STEMS_FULL'
  /** Submitted outside this gateway (or before it lost its memory of it); the upstream does not say. */
  | 'UNKNOWN';

/** The life of a task: PENDING → RUNNING → SUCCEEDED or FAILED. */
export type TaskStatus =
  /** The upstream gave up; see `error`. Final. */
  | 'FAILED'
  /** Accepted by the upstream, not started yet. */
  | 'PENDING'
  /** Being generated; audio may already stream. */
  | 'RUNNING'
  /** Done; every clip has its audio. */
  | 'SUCCEEDED';

/** The singing voice to prefer (models SONIC_V4_5 and later). */
export type VocalGender =
  /** A female voice. */
  | 'FEMALE'
  /** A male voice. */
  | 'MALE';

export type TaskUpdatedSubscriptionVariables = Exact<{
  taskId: string | number;
}>;


export type TaskUpdatedSubscription = { taskUpdated: { observedAt: string, id: string, kind: TaskKind, status: TaskStatus, error: string | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } };

export type CreateMusicMutationVariables = Exact<{
  input: CreateMusicInput;
}>;


export type CreateMusicMutation = { createMusic: { id: string, kind: TaskKind, status: TaskStatus } };

export type SplitStemsFullMutationVariables = Exact<{
  clipId: string | number;
}>;


export type SplitStemsFullMutation = { splitStemsFull: { id: string, kind: TaskKind, status: TaskStatus } };

export type SplitStemsBasicMutationVariables = Exact<{
  clipId: string | number;
}>;


export type SplitStemsBasicMutation = { splitStemsBasic: { id: string, kind: TaskKind, status: TaskStatus } };

export type ClipFieldsFragment = { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null };

export type TaskFieldsFragment = { id: string, kind: TaskKind, status: TaskStatus, error: string | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> };

export type TaskQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskQuery = { task: { id: string, kind: TaskKind, status: TaskStatus, error: string | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } | null };

export type TasksQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type TasksQuery = { tasks: Array<{ id: string, kind: TaskKind, status: TaskStatus, error: string | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } | null> };

export const ClipFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]} as unknown as DocumentNode<ClipFieldsFragment, unknown>;
export const TaskFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]} as unknown as DocumentNode<TaskFieldsFragment, unknown>;
export const TaskUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"taskId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TaskUpdatedSubscription, TaskUpdatedSubscriptionVariables>;
export const CreateMusicDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateMusicMutation, CreateMusicMutationVariables>;
export const SplitStemsFullDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SplitStemsFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"splitStemsFull"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SplitStemsFullMutation, SplitStemsFullMutationVariables>;
export const SplitStemsBasicDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SplitStemsBasic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"splitStemsBasic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SplitStemsBasicMutation, SplitStemsBasicMutationVariables>;
export const TaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Task"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TaskQuery, TaskQueryVariables>;
export const TasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TasksQuery, TasksQueryVariables>;