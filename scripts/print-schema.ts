/**
 * `npm run schema`: rewrites schema.graphql from the Pothos builder, and schema.subgraph.graphql, the federation
 * subgraph's SDL (FEDERATION=true). A test fails when either is stale.
 */
import { writeFileSync } from 'node:fs';
import { printSchemaFile, schemaFilePath } from '../src/schema/print.js';
import { printSubgraphSchemaFile, subgraphSchemaFilePath } from '../src/schema/subgraph.js';

writeFileSync(schemaFilePath, printSchemaFile());
console.log(`wrote ${schemaFilePath}`);
writeFileSync(subgraphSchemaFilePath, printSubgraphSchemaFile());
console.log(`wrote ${subgraphSchemaFilePath}`);
