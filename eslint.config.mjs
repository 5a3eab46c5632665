/**
 * ESLint runs only over GraphQL: the operations a client ships (operations/*.graphql), against schema.graphql, with
 * @graphql-eslint's recommended operation rules, and schema.graphql itself with its Relay rules. test/graphql-lint.test.ts
 * runs it; a rule turned off or relaxed here says why. (The TypeScript is formatted by Biome and type-checked by tsc;
 * ESLint does not look at it.)
 */
import graphql from '@graphql-eslint/eslint-plugin';

export default [
  {
    files: ['operations/**/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql', documents: 'operations/**/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/operations-recommended'].rules,
      // As recommended, but an operation may start with "Get": each operation is named after the mutation it runs,
      // and getBpm, getVox, getWav, getMidi and getLyricsTimeline are the upstream API's own names for them.
      '@graphql-eslint/naming-convention': [
        'error',
        {
          VariableDefinition: 'camelCase',
          OperationDefinition: {
            style: 'PascalCase',
            forbiddenPrefixes: ['Query', 'Mutation', 'Subscription'],
            forbiddenSuffixes: ['Query', 'Mutation', 'Subscription'],
          },
          FragmentDefinition: { style: 'PascalCase', forbiddenPrefixes: ['Fragment'], forbiddenSuffixes: ['Fragment'] },
        },
      ],
    },
  },
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-relay'].rules,
      // As the Relay rules say, but a list may hold other things than edges: a task's clips and stems, a timeline's
      // words are small, complete and fixed once made, so they are lists, not pages (Relay reads plain lists as they are).
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
