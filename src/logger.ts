/** The process logger (pino, JSON lines). Anything that could hold a key is redacted by path. */
import { pino, type DestinationStream, type Logger } from 'pino';

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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { service: 'aimusic-graphql' }, redact: { paths: redactedPaths, censor: '[redacted]' } },
    destination,
  );
}
