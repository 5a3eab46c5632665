/**
 * Relay: the real relay-compiler (its binary, from the relay-compiler package) compiles the small app of
 * examples/relay against schema.graphql: a @refetchable Task fragment (which Relay allows only on Node types, and
 * refetches through `node(id:)`), @connection on viewer.tasks, a subscription. Then relay-runtime runs the compiled
 * refetch query against a started gateway with the Environment of examples/relay/environment.ts, and the Stem/Clip
 * id caveat is shown both ways: without its getDataID Relay warns of one record with two types; with it, not.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Environment, RecordSource, Store, fetchQuery, getSelector, type GraphQLTaggedNode } from 'relay-runtime';
import { createRelayEnvironment } from '../examples/relay/environment.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway } from './support/helpers.js';

const root = join(import.meta.dirname, '..');
const app = mkdtempSync(join(tmpdir(), 'relay-app-'));
let compiled: { code: number | null; output: string };

beforeAll(async () => {
  cpSync(join(root, 'examples/relay/src'), join(app, 'src'), { recursive: true });
  mkdirSync(join(app, 'src/__generated__'), { recursive: true });
  const config = JSON.parse(readFileSync(join(root, 'examples/relay/relay.config.json'), 'utf8'));
  writeFileSync(join(app, 'relay.config.json'), JSON.stringify({ ...config, schema: join(root, 'schema.graphql') }));
  const child = spawn(process.execPath, [join(root, 'node_modules/relay-compiler/cli.js')], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  compiled = { code, output };
}, 60_000);
afterAll(() => rmSync(app, { recursive: true, force: true }));

const artifact = async (name: string) => (await import(join(app, 'src/__generated__', `${name}.graphql.ts`))).default;

describe('relay-compiler on examples/relay', () => {
  it('compiles the refetchable Task fragment, the @connection and the subscription', async () => {
    expect(compiled.output).not.toMatch(/ERROR/);
    expect(compiled.code).toBe(0);
    const refetch = await artifact('TaskPageRefetchQuery');
    expect(refetch.params.text).toMatch(/node\(id: \$id\)/);
    const list = await artifact('TaskPage_viewer');
    expect(list.metadata.connection[0]).toMatchObject({ path: ['tasks'] });
    expect((await artifact('TaskPageSubscription')).params.operationKind).toBe('subscription');
  });
});

describe('relay-runtime against a started gateway', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({}, { taskMs: 1000, now: clock.now });
  let taskId: string;
  beforeAll(async () => {
    const split = await gql(
      setup.gw.url,
      'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }',
      { c: demoClip.id },
      { authorization: `Bearer ${keyA}` },
    );
    taskId = split.data!.splitStemsBasic.id;
    clock.advance(2000);
  });

  /** The TaskPage_task fragment's data after the compiled refetch query ran, and what Relay printed meanwhile. */
  async function refetch(environment: Environment) {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warns = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const query = (await artifact('TaskPageRefetchQuery')) as GraphQLTaggedNode;
      const data = (await fetchQuery(environment, query, { id: taskId }).toPromise()) as { node: object };
      const fragment = (await artifact('TaskPage_task')) as GraphQLTaggedNode;
      const task = environment.lookup(getSelector(fragment as never, data.node) as never).data as Record<string, any>;
      return { task, printed: [...errors.mock.calls, ...warns.mock.calls].map((args) => String(args[0])) };
    } finally {
      errors.mockRestore();
      warns.mockRestore();
    }
  }

  it("the refetch query reads node(id:); with the recipe's getDataID, stems and clips are distinct records", async () => {
    const { task, printed } = await refetch(createRelayEnvironment(setup.gw.url, keyA));
    expect(task).toMatchObject({ id: taskId, status: 'SUCCEEDED' });
    expect(task.stems.map((s: { kind: string }) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
    expect(task.stems.map((s: { clip: { id: string } }) => s.clip.id)).toEqual(task.clips.map((c: { id: string }) => c.id));
    expect(printed).toEqual([]);
  });

  it("without it, Relay's default (records keyed by id alone) meets a Stem and its Clip under one id", async () => {
    const network = createRelayEnvironment(setup.gw.url, keyA).getNetwork();
    const { printed } = await refetch(new Environment({ network, store: new Store(new RecordSource()) }));
    expect(printed.join('\n')).toMatch(/conflicting types|globally unique/i);
  });
});
