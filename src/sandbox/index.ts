/**
 * The sandbox upstream, seen from outside: a program of its own (`npm run sandbox`, src/sandbox/main.ts) that
 * simulates the AI Music API as its documented examples show it, so that the gateway runs and is tested offline, free
 * and deterministic. The gateway starts one in its own process when no key is set (src/main.ts) and names its demo
 * clip in GraphiQL's examples; nothing else of the gateway reaches inside this folder, and nothing in it imports the
 * gateway. What it simulates and how: docs/sandbox.md.
 */
export { createSandbox, type Sandbox, type SandboxCall, type SandboxOptions } from './server.js';
export { demoClip } from './store.js';
