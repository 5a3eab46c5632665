/**
 * The Apollo Federation 2 subgraph schema (FEDERATION=true): the plain schema's SDL with `@key(fields: "id")` on the
 * entities (src/resolvers/federation.ts), built by @apollo/subgraph (which adds `_service { sdl }`, `_entities` and
 * `_Any`) with the plain schema's own resolvers and field extensions. Loaded only with FEDERATION=true (src/app/
 * gateway.ts imports it lazily), so neither @apollo/subgraph's start-up cost nor federation's fields reach the plain
 * schema (schema.graphql).
 */
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  graphqlSync,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  printSchema,
  specifiedScalarTypes,
  type GraphQLSchema,
} from 'graphql';
import { badInput } from '../domain/errors.js';
import { entityResolvers } from '../resolvers/federation.js';
import { schema as plain } from './index.js';

const federationLink = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])';

/** The plain SDL with the link to federation and a key on each entity. */
export function subgraphTypeDefs(): string {
  let sdl = printSchema(plain);
  for (const name of Object.keys(entityResolvers)) {
    const definition = new RegExp(`^(type ${name}(?: implements [\\w& ]+)?) \\{`, 'm');
    if (!definition.test(sdl)) throw new Error(`federation: no type ${name} in the schema`);
    sdl = sdl.replace(definition, '$1 @key(fields: "id") {');
  }
  return `${federationLink}\n\n${sdl}`;
}

/** Every resolver, type resolver and custom scalar of the plain schema, as @apollo/subgraph takes them. */
function resolversOf(schema: GraphQLSchema): GraphQLResolverMap<unknown> {
  const resolvers: Record<string, unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      const fields: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (field.resolve || field.subscribe) fields[field.name] = { resolve: field.resolve, subscribe: field.subscribe };
      }
      resolvers[type.name] = fields;
    } else if ((isInterfaceType(type) || isUnionType(type)) && type.resolveType) {
      resolvers[type.name] = { __resolveType: type.resolveType };
    } else if (isScalarType(type) && !specifiedScalarTypes.includes(type)) {
      resolvers[type.name] = type;
    }
  }
  for (const [name, resolveReference] of Object.entries(entityResolvers)) {
    resolvers[name] = { ...(resolvers[name] as object), __resolveReference: resolveReference };
  }
  return resolvers as GraphQLResolverMap<unknown>;
}

let built: GraphQLSchema | undefined;

export function subgraphSchema(): GraphQLSchema {
  if (built) return built;
  const schema = buildSubgraphSchema({ typeDefs: parse(subgraphTypeDefs()), resolvers: resolversOf(plain) });
  // The plain schema's field extensions (state streams, HTTP cache hints) hold here too.
  for (const type of Object.values(plain.getTypeMap())) {
    const twin = schema.getType(type.name);
    if (!isObjectType(type) || !isObjectType(twin)) continue;
    const fields = twin.getFields();
    for (const field of Object.values(type.getFields())) {
      const copy = fields[field.name] as { extensions: unknown } | undefined;
      if (copy) copy.extensions = field.extensions;
    }
  }
  perRepresentation(schema);
  built = schema;
  return built;
}

/**
 * `_entities` as @apollo/subgraph builds it fails whole (every entity null, an unexpected error) when one representation
 * names no type it knows. Here each representation is resolved on its own: one that names no entity of this subgraph
 * is a BAD_USER_INPUT error at its own index (`_entities.<i>`), and the others are resolved as usual.
 */
function perRepresentation(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('federation: no _entities field');
  field.resolve = (source, args: { representations: unknown[] }, context, info) =>
    args.representations.map(async (representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !Object.hasOwn(entityResolvers, typename)) {
        throw badInput(
          `Representation ${index} names no entity of this subgraph (__typename ${JSON.stringify(typename ?? null)}; ` +
            `it resolves ${Object.keys(entityResolvers).join(' and ')}).`,
          'representations',
        );
      }
      const [entity] = (await resolve(source, { ...args, representations: [representation] }, context, info)) as unknown[];
      return entity;
    });
}

export const subgraphSchemaFilePath = fileURLToPath(new URL('../../schema.subgraph.graphql', import.meta.url));

/** The subgraph SDL as `_service { sdl }` gives it to a router, for schema.subgraph.graphql (npm run schema). */
export function printSubgraphSchemaFile(): string {
  const { data, errors } = graphqlSync({ schema: subgraphSchema(), source: '{ _service { sdl } }' });
  if (errors?.length || !data) throw new Error(`federation: _service failed: ${errors?.[0]?.message}`);
  const { sdl } = (data as { _service: { sdl: string } })._service;
  return `# Generated by \`npm run schema\`: the federation subgraph (FEDERATION=true). Do not edit by hand.\n\n${sdl.trim()}\n`;
}
