/** Types of scripts/build.mjs, for the TypeScript that imports it (the test suite's global setup). */
export declare function isStale(): boolean;
export declare function build(options?: { quiet?: boolean }): void;
