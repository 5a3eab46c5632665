/**
 * The process logger (pino, JSON lines). Every line written while serving a request carries its `reqId`, and no
 * line carries an API key: fields that could hold one are redacted by path, and the finished line is scrubbed of
 * the server's key, the current request's key and anything after "Bearer ".
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestScope } from './request-scope.js';
import { redact, redactBearer } from '../domain/redact.js';

export const redactedPaths = [
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'webhookSecret',
  '*.webhookSecret',
];

export function createLogger(level: string, destination?: DestinationStream, serverSecrets: (string | undefined)[] = []): Logger {
  return pino(
    {
      level,
      base: { service: 'aimusic-graphql' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      mixin: () => {
        const scope = currentRequestScope();
        return scope ? { reqId: scope.requestId } : {};
      },
      hooks: {
        streamWrite: (line) => redactBearer(redact(line, [...serverSecrets, ...(currentRequestScope()?.secrets ?? [])])),
      },
    },
    destination,
  );
}
