/**
 * DATA_DIR is private to the gateway's user: it holds who owns which task and clip, idempotency outcomes and budgets.
 * The directories are made 0700 and the files 0600 when they are created, and an existing one that is looser (made
 * by an older release, a copy, a umask of 022) is tightened at start, with a line in the log saying so.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** Says what was tightened (or could not be); the store logs it. */
export type PermissionReport = (message: string) => void;

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** Gives `path` `mode` if it allows more than that; a path that does not exist is left alone. */
export function tighten(path: string, mode: number, report?: PermissionReport): void {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch {
    return;
  }
  if ((current & ~mode) === 0) return;
  try {
    chmodSync(path, mode);
    report?.(`${path} was readable by others (mode ${octal(current)}): its mode is now ${octal(mode)}.`);
  } catch (err) {
    report?.(`${path} is readable by others (mode ${octal(current)}) and could not be made ${octal(mode)}: ${(err as Error).message}.`);
  }
}

/**
 * Creates the directory (and its parents) owner-only, or tightens it when it exists. A shared directory (the sticky
 * bit, as /tmp has) is left as it is, with a report: it is not the gateway's to close.
 */
export function privateDir(path: string, report?: PermissionReport): void {
  mkdirSync(path, { recursive: true, mode: privateDirMode });
  if ((statSync(path).mode & 0o1000) !== 0) {
    report?.(`${path} is a shared directory (sticky bit), left as it is: give the gateway a directory of its own.`);
    return;
  }
  tighten(path, privateDirMode, report);
}

/** Creates the file empty and owner-only unless it exists, and tightens it when it does. */
export function privateFile(path: string, report?: PermissionReport): void {
  closeSync(openSync(path, 'a', privateFileMode));
  tighten(path, privateFileMode, report);
}
