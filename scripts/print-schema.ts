/** `npm run schema`: rewrites schema.graphql from the Pothos builder. A test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { printSchemaFile, schemaFilePath } from '../src/schema/print.js';

writeFileSync(schemaFilePath, printSchemaFile());
console.log(`wrote ${schemaFilePath}`);
