/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "subscription TaskUpdated($taskId: ID!) {\n  taskUpdated(taskId: $taskId) {\n    ...TaskFields\n    observedAt\n  }\n}": typeof types.TaskUpdatedDocument,
    "mutation CreateMusic($input: CreateMusicInput!) {\n  createMusic(input: $input) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsFull($clipId: ID!) {\n  splitStemsFull(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsBasic($clipId: ID!) {\n  splitStemsBasic(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}": typeof types.CreateMusicDocument,
    "fragment ClipFields on Clip {\n  id\n  title\n  status\n  audioUrl\n  imageUrl\n  duration\n}\n\nfragment TaskFields on Task {\n  id\n  kind\n  status\n  error\n  clips {\n    ...ClipFields\n  }\n  stems {\n    kind\n    name\n    clip {\n      ...ClipFields\n    }\n  }\n}\n\nquery Task($id: ID!) {\n  task(id: $id) {\n    ...TaskFields\n  }\n}\n\nquery Tasks($ids: [ID!]!) {\n  tasks(ids: $ids) {\n    ...TaskFields\n  }\n}": typeof types.ClipFieldsFragmentDoc,
};
const documents: Documents = {
    "subscription TaskUpdated($taskId: ID!) {\n  taskUpdated(taskId: $taskId) {\n    ...TaskFields\n    observedAt\n  }\n}": types.TaskUpdatedDocument,
    "mutation CreateMusic($input: CreateMusicInput!) {\n  createMusic(input: $input) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsFull($clipId: ID!) {\n  splitStemsFull(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsBasic($clipId: ID!) {\n  splitStemsBasic(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}": types.CreateMusicDocument,
    "fragment ClipFields on Clip {\n  id\n  title\n  status\n  audioUrl\n  imageUrl\n  duration\n}\n\nfragment TaskFields on Task {\n  id\n  kind\n  status\n  error\n  clips {\n    ...ClipFields\n  }\n  stems {\n    kind\n    name\n    clip {\n      ...ClipFields\n    }\n  }\n}\n\nquery Task($id: ID!) {\n  task(id: $id) {\n    ...TaskFields\n  }\n}\n\nquery Tasks($ids: [ID!]!) {\n  tasks(ids: $ids) {\n    ...TaskFields\n  }\n}": types.ClipFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TaskUpdated($taskId: ID!) {\n  taskUpdated(taskId: $taskId) {\n    ...TaskFields\n    observedAt\n  }\n}"): (typeof documents)["subscription TaskUpdated($taskId: ID!) {\n  taskUpdated(taskId: $taskId) {\n    ...TaskFields\n    observedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateMusic($input: CreateMusicInput!) {\n  createMusic(input: $input) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsFull($clipId: ID!) {\n  splitStemsFull(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsBasic($clipId: ID!) {\n  splitStemsBasic(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}"): (typeof documents)["mutation CreateMusic($input: CreateMusicInput!) {\n  createMusic(input: $input) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsFull($clipId: ID!) {\n  splitStemsFull(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}\n\nmutation SplitStemsBasic($clipId: ID!) {\n  splitStemsBasic(clipId: $clipId) {\n    id\n    kind\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ClipFields on Clip {\n  id\n  title\n  status\n  audioUrl\n  imageUrl\n  duration\n}\n\nfragment TaskFields on Task {\n  id\n  kind\n  status\n  error\n  clips {\n    ...ClipFields\n  }\n  stems {\n    kind\n    name\n    clip {\n      ...ClipFields\n    }\n  }\n}\n\nquery Task($id: ID!) {\n  task(id: $id) {\n    ...TaskFields\n  }\n}\n\nquery Tasks($ids: [ID!]!) {\n  tasks(ids: $ids) {\n    ...TaskFields\n  }\n}"): (typeof documents)["fragment ClipFields on Clip {\n  id\n  title\n  status\n  audioUrl\n  imageUrl\n  duration\n}\n\nfragment TaskFields on Task {\n  id\n  kind\n  status\n  error\n  clips {\n    ...ClipFields\n  }\n  stems {\n    kind\n    name\n    clip {\n      ...ClipFields\n    }\n  }\n}\n\nquery Task($id: ID!) {\n  task(id: $id) {\n    ...TaskFields\n  }\n}\n\nquery Tasks($ids: [ID!]!) {\n  tasks(ids: $ids) {\n    ...TaskFields\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;