/**
 * Persisted operations, both kinds, with yoga's own plugins, and both ways of naming a trusted document:
 * - `documentId` (the GraphQL-over-HTTP persisted documents form, used by Relay-style and Hive clients):
 *   `sha256:<hex>` or the bare hex of a document in the trusted manifest, as a POST body field or a GET parameter.
 *   Only the manifest's documents have one (nothing registers by documentId).
 * - automatic persisted queries (Apollo's protocol, @graphql-yoga/plugin-apq): a request may carry only
 *   `extensions.persistedQuery.sha256Hash`; an unknown hash gets PERSISTED_QUERY_NOT_FOUND, and the client sends
 *   the hash with the document, which is stored once its hash checks out. The trusted manifest's hashes always resolve.
 * - trusted documents only (PERSISTED_OPERATIONS_ONLY, @graphql-yoga/plugin-persisted-operations): a request must
 *   name a document of the manifest by its hash; any document text is refused, and APQ registration is off.
 * yoga runs these plugins for HTTP and SSE. `resolve` runs the same plugins for the transports that do not go
 * through yoga's request pipeline (the HTTP fast path, graphql-ws), so every transport obeys one set of rules.
 */
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { defaultExtractPersistedOperationId, usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams, type OnParamsEventPayload, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createAPQStore } from './apq-cache.js';
import { bundledManifestPath, loadManifest, sha256Hex } from './manifest.js';

export const persistedOnlyMessage =
  'This gateway runs only persisted operations (PERSISTED_OPERATIONS_ONLY=true): send extensions.persistedQuery ' +
  '{ "version": 1, "sha256Hash": "<hash>" } of an operation in its manifest, without the query.';

/** The parameter a request names a trusted document by (besides Apollo's `extensions.persistedQuery`). */
export const documentIdParam = 'documentId';

/** The manifest hash a documentId names: `sha256:<hex>` or the bare hex; undefined for any other form. */
export function hashOfDocumentId(documentId: unknown): string | undefined {
  if (typeof documentId !== 'string') return undefined;
  return /^(?:sha256:)?([0-9a-f]{64})$/i.exec(documentId)?.[1]?.toLowerCase();
}

const notInList = (what: string) =>
  createGraphQLError(`PersistedQueryNotInList: no operation of this gateway's manifest has this ${what}.`, {
    extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 404 } },
  });

/** yoga's GET parser reads only query, variables, operationName and extensions: this adds `documentId`. */
const documentIdOfGet: Plugin = {
  onRequestParse({ request, url }) {
    if (request.method !== 'GET') return;
    const documentId = url.searchParams.get(documentIdParam);
    if (documentId === null) return;
    return {
      onRequestParseDone({ requestParserResult, setRequestParserResult }) {
        if (!Array.isArray(requestParserResult))
          setRequestParserResult({ ...requestParserResult, [documentIdParam]: documentId } as GraphQLParams);
      },
    };
  },
};

/** With APQ on: a documentId becomes its manifest document before APQ looks at the request. */
function documentIds(manifest: ReadonlyMap<string, string>): Plugin {
  return {
    onParams({ params, setParams }) {
      const documentId = (params as Record<string, unknown>)[documentIdParam];
      if (documentId == null) return;
      if (params.query) {
        throw createGraphQLError('Send a documentId or a query, not both.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
      const document = manifest.get(hashOfDocumentId(documentId) ?? '');
      if (document === undefined) throw notInList('documentId');
      const { variables, operationName, extensions } = params;
      setParams({ query: document, variables, operationName, extensions } as GraphQLParams);
    },
  };
}

export interface PersistedOperations {
  /** Only the manifest's documents run. */
  readonly only: boolean;
  /** For yoga: HTTP GET and POST, SSE. */
  readonly plugins: Plugin[];
  /**
   * The request's parameters with the document its hash (or documentId) stands for, as `tenant` registered it (or the
   * manifest has it); throws the same GraphQLError yoga would.
   */
  resolve<P extends { query?: string | undefined; documentId?: unknown; extensions?: Record<string, unknown> | null | undefined }>(
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
      documentIdOfGet,
      documentIds(manifest),
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
    documentIdOfGet,
    usePersistedOperations({
      // Apollo's extensions.persistedQuery.sha256Hash, else the documentId (an unknown form names no document).
      extractPersistedOperationId: (params, request, context) => {
        const documentId = (params as Record<string, unknown>)[documentIdParam];
        return (
          defaultExtractPersistedOperationId(params, request, context) ?? (documentId == null ? null : (hashOfDocumentId(documentId) ?? ''))
        );
      },
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
          // The transport's own fields stay; a documentId, once it became its document, is gone (as in yoga).
          setParams: (next: GraphQLParams) => {
            const { documentId: _resolved, ...rest } = { ...current, ...next };
            current = rest as typeof current;
          },
          context: { caller: { tenant } },
          fetchAPI: globalThis,
        } as unknown as OnParamsEventPayload<Record<string, unknown>>;
        await plugin.onParams?.(payload);
      }
      return current;
    },
  };
}
