/** The request id: the caller's `x-request-id` when it is a sane token, else a new UUID. Logged and echoed back. */
import { randomUUID } from 'node:crypto';

export const requestIdHeader = 'x-request-id';
const sane = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && sane.test(value) ? value : randomUUID();
}
