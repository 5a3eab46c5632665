/**
 * `npm run codegen`: typed documents (TypedDocumentNode) for the operations in operations/*.graphql, generated
 * offline from the committed schema.graphql, and the manifest of those operations (persisted-documents.json: the
 * hex sha256 of each document's text → that text) that the gateway serves by hash, and with PERSISTED_OPERATIONS_ONLY
 * serves alone. Each generated document carries its hash in `__meta__.hash`. A test fails when operations/generated is
 * stale.
 */
import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The plain hex digest, as Apollo's persisted-query protocol sends it (the preset's own `sha256` adds a prefix). */
const sha256 = (document: string) => createHash('sha256').update(document).digest('hex');

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'operations/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: sha256 } },
      config: {
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
