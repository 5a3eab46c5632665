/** Types of build.mjs, for TypeScript callers (the test suite's global setup). */
export function isStale(): boolean;
export function build(options?: { quiet?: boolean }): void;
