/**
 * The @defer and @stream directives of the incremental delivery proposal, in the schema (so schema.graphql, codegen
 * and GraphiQL know them). They are the definitions yoga's @graphql-yoga/plugin-defer-stream adds, written here with
 * graphql-js so that the printed schema carries them; which executor runs such documents: src/plugins/use-graphql-js.ts.
 */
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLInt, GraphQLNonNull, GraphQLString } from 'graphql';

export const deferDirective = new GraphQLDirective({
  name: 'defer',
  description: 'Directs the executor to defer this fragment when the `if` argument is true or undefined.',
  locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Deferred when true or undefined.' },
    label: { type: GraphQLString, description: 'Unique name' },
  },
});

export const streamDirective = new GraphQLDirective({
  name: 'stream',
  description: 'Directs the executor to stream plural fields when the `if` argument is true or undefined.',
  locations: [DirectiveLocation.FIELD],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Stream when true or undefined.' },
    initialCount: { type: GraphQLInt, defaultValue: 0, description: 'Number of items to return immediately' },
    label: { type: GraphQLString, description: 'Unique name' },
  },
});
