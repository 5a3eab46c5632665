/** JSON answers outside GraphQL execution, and the one shape of a refusal: `{"errors":[{message, extensions:{code}}]}`. */
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** The body of a refusal, with a code as every 4xx of the gateway has. */
export const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

/** A refusal is about this request: no cache keeps it (a 404 would otherwise be kept by heuristics). */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, errorBody(code, message), { 'cache-control': 'no-store', ...headers });
}
