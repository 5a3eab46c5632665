/**
 * Requests Node's HTTP parser refuses before the gateway sees them: their answer has a code, as every other 4xx of
 * the gateway. The common one is a request line and headers over Node's limit (16 KB; --max-http-header-size), such
 * as a GET whose URL carries a long document: 431. (A GET URL under that limit but over MAX_BODY_BYTES is refused by
 * src/transport/http/body.ts with 414.) A request whose headers do not arrive in time (Node's headersTimeout, 60 s) is
 * a 408.
 */
import type { Duplex } from 'node:stream';
import { errorBody } from './reply.js';

const reasons: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
const statusOf = (code: string | undefined) =>
  code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_HEADER_TIMEOUT' ? 408 : 400;
const messages: Record<number, string> = {
  400: 'The request could not be parsed as HTTP.',
  408: 'The request did not arrive in time: send its headers (and body) without pauses.',
  431: 'The request line and headers are larger than the server accepts (16 KB): send a long document in a POST body.',
};

/** A 'clientError' listener for the gateway's server. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = statusOf(err.code);
  const body = JSON.stringify(errorBody('BAD_REQUEST', messages[status] as string));
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
