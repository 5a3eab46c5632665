import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { isEnumType, isInputObjectType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.js';
import { schema } from '../src/schema/index.js';
import { printSchemaFile, schemaFilePath } from '../src/schema/print.js';

function undocumented(type: GraphQLNamedType): string[] {
  const missing: string[] = type.description ? [] : [type.name];
  if (isObjectType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema', () => {
  it('schema.graphql is what the builder prints (run `npm run schema` after changing types)', () => {
    expect(readFileSync(schemaFilePath, 'utf8')).toBe(printSchemaFile());
  });

  it('documents every type, field, argument and enum value', () => {
    const builtIn = new Set(['String', 'Boolean', 'Int', 'Float', 'ID']);
    const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !builtIn.has(t.name));
    expect(types.flatMap(undocumented)).toEqual([]);
  });

  it('operations/generated is what `npm run codegen` makes from schema.graphql', async () => {
    const files = (await generate({ ...codegenConfig, silent: true }, false)) as { filename: string; content: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(file.filename, 'utf8'), `${file.filename} is stale: run npm run codegen`).toBe(file.content);
    }
  });
});
