/**
 * ESLint runs only over the GraphQL operations a client ships (operations/*.graphql), against schema.graphql, with
 * @graphql-eslint's recommended operation rules. test/graphql-lint.test.ts runs it; a rule turned off here says why.
 * (The TypeScript is formatted by Biome and type-checked by tsc; ESLint does not look at it.)
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
];
