/**
 * Persisted operations, both kinds, with yoga's own plugins:
 * - automatic persisted queries (Apollo's protocol, @graphql-yoga/plugin-apq): a request may carry only
 *   `extensions.persistedQuery.sha256Hash`; an unknown hash gets PERSISTED_QUERY_NOT_FOUND, and the client sends
 *   the hash with the document, which is stored once its hash checks out. The trusted manifest's hashes always resolve.
 * - trusted documents only (PERSISTED_OPERATIONS_ONLY, @graphql-yoga/plugin-persisted-operations): a request must
 *   name a document of the manifest by its hash; any document text is refused, and APQ registration is off.
 * yoga runs these plugins for HTTP and SSE. `resolve` runs the same plugins for the transports that do not go
 * through yoga's request pipeline (the HTTP fast path, graphql-ws), so every transport obeys one set of rules.
 */
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, OnParamsEventPayload, Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createAPQStore } from './apq-cache.js';
import { bundledManifestPath, loadManifest, sha256Hex } from './manifest.js';

export const persistedOnlyMessage =
  'This gateway runs only persisted operations (PERSISTED_OPERATIONS_ONLY=true): send extensions.persistedQuery ' +
  '{ "version": 1, "sha256Hash": "<hash>" } of an operation in its manifest, without the query.';

export interface PersistedOperations {
  /** Only the manifest's documents run. */
  readonly only: boolean;
  /** For yoga: HTTP GET and POST, SSE. */
  readonly plugins: Plugin[];
  /**
   * The request's parameters with the document its hash stands for, as `tenant` registered it (or the manifest has
   * it); throws the same GraphQLError yoga would.
   */
  resolve<P extends { query?: string | undefined; extensions?: Record<string, unknown> | null | undefined }>(
    params: P,
    tenant: string,
  ): Promise<P>;
}

function plugins(config: Config, logger: Logger, redis: Redis | undefined): Plugin[] {
  const { only, file } = config.persistedOperations;
  const manifest = loadManifest(file ?? bundledManifestPath, only);
  if (!only) {
    const stores = createAPQStore(manifest, logger, redis);
    // Per request, with the store of its caller's tenant (identified before: src/plugins/use-access.ts, or `resolve`).
    return [
      {
        onParams(payload) {
          const tenant = (payload.context as { caller?: { tenant: string } }).caller?.tenant ?? 'anonymous';
          return useAPQ({ store: stores(tenant), hash: sha256Hex }).onParams?.(payload);
        },
      },
    ];
  }
  const refusal = { message: persistedOnlyMessage, extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } };
  return [
    usePersistedOperations({
      getPersistedOperation: (hash) => manifest.get(hash) ?? null,
      customErrors: {
        persistedQueryOnly: refusal,
        keyNotFound: refusal,
        notFound: {
          // Not Apollo's "PersistedQueryNotFound": its link would retry with the document, which is refused here.
          message: "PersistedQueryNotInList: no operation of this gateway's manifest has this hash.",
          extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 404 } },
        },
      },
    }) as Plugin,
  ];
}

export function createPersistedOperations(config: Config, logger: Logger, redis?: Redis): PersistedOperations {
  const list = plugins(config, logger, redis);
  return {
    only: config.persistedOperations.only,
    plugins: list,
    async resolve(params, tenant) {
      let current = params;
      for (const plugin of list) {
        const payload = {
          params: current,
          setParams: (next: GraphQLParams) => void (current = { ...current, ...next }),
          context: { caller: { tenant } },
          fetchAPI: globalThis,
        } as unknown as OnParamsEventPayload<Record<string, unknown>>;
        await plugin.onParams?.(payload);
      }
      return current;
    },
  };
}
