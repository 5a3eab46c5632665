/**
 * The whole schema: every type module, then every resolver module, then the built schema, with the @defer and @stream
 * directives (executed by yoga's default executor for the documents that use them: src/plugins/use-graphql-js.ts).
 */
import { lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { builder } from '../builder.js';
import { deferDirective, streamDirective } from './incremental.js';
import './scalars.js';
import './node.js';
import './error-code.js';
import './task-status.js';
import './clip.js';
import './stem.js';
import './task.js';
import './music.js';
import './edits.js';
import './voice.js';
import './analysis.js';
import './writing.js';
import './account.js';
import './producer.js';
import './riffusion.js';
import './viewer.js';
import '../resolvers/tasks.js';
import '../resolvers/mutations.js';
import '../resolvers/account.js';
import '../resolvers/subscriptions.js';
import '../resolvers/viewer.js';
import '../resolvers/node.js';

export const schema = lexicographicSortSchema(builder.toSchema({ directives: [...specifiedDirectives, deferDirective, streamDirective] }));
