/**
 * An upstream change is seen the day it happens: every answer the gateway cannot read is counted in
 * `aimusic_upstream_unreadable_answers_total{operation}`, and each new shape is logged once (not once per poll), with
 * the field that failed and the body scrubbed of keys and secrets. The logger here is a plain pino with no redaction
 * of its own, so what is scrubbed is scrubbed by the report.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../src/app/gateway.js';
import { closeServices, createServices } from '../src/app/services.js';
import type { Services } from '../src/context.js';
import { loadConfig } from '../src/config.js';
import { gql, json, keyA, startFakeUpstream, type FakeUpstream } from './support/helpers.js';
import { removeDataDir, tempDataDir } from './support/stores.js';

const clientKey = 'client-key-that-must-not-leak-0042';
const read = `query($id: ID!) { task(id: $id) { status } }`;
const as = { authorization: `Bearer ${clientKey}` };

describe('answers the gateway cannot read', () => {
  let fake: FakeUpstream;
  let services: Services;
  let gateway: Gateway;
  let url: string;
  const dataDir = tempDataDir();
  const lines: string[] = [];
  /** What the fake answers to a task read: changed by each test. */
  let taskAnswer: unknown = {};

  beforeAll(async () => {
    fake = await startFakeUpstream((req, res) => {
      if (req.url === '/api/v1/sonic/bpm') return json(res, 200, { code: 200, data: { average_bpm: 120 } });
      json(res, 200, taskAnswer);
    });
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const config = loadConfig({ AIMUSICAPI_BASE_URL: fake.url, AIMUSICAPI_API_KEY: keyA, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
    services = createServices(config, pino({ level: 'info' }, sink));
    gateway = createGateway(services);
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.close();
    await closeServices(services);
    await fake.close();
    removeDataDir(dataDir);
  });

  const counted = async () => services.metrics.registry.getSingleMetricAsString('aimusic_upstream_unreadable_answers_total');
  const reports = () => lines.filter((l) => l.includes('cannot read')).map((l) => JSON.parse(l));

  it('counts every unreadable task answer, and logs each shape once, naming the field, scrubbed of keys', async () => {
    // A clip without a state, echoing the caller's key and carrying a secret-named field.
    taskAnswer = {
      code: 200,
      message: `echo Bearer ${clientKey}`,
      data: [{ clip_id: 'c1', title: 'Song', webhook_secret: 'whsec-do-not-log', note: clientKey }],
    };
    for (let i = 0; i < 3; i++) {
      const res = await gql(url, read, { id: `t-${i}` }, as);
      expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    }
    expect(await counted()).toContain('aimusic_upstream_unreadable_answers_total{operation="task:sonic"} 3');
    expect(reports()).toHaveLength(1);
    const [report] = reports();
    expect(report).toMatchObject({ operation: 'task:sonic', field: 'data[].state', level: 40 });
    expect(report.shape).toContain('clip_id:string');
    const text = lines.join('\n');
    expect(text).not.toContain(clientKey);
    expect(text).not.toContain('whsec-do-not-log');
    expect(report.body).toContain('[redacted]');
  });

  it('a new shape is logged again; a known one is only counted', async () => {
    taskAnswer = { code: 200, message: 'success', data: { items: [] } };
    await gql(url, read, { id: 't-new' }, as);
    await gql(url, read, { id: 't-new-2' }, as);
    expect(reports()).toHaveLength(2);
    expect(reports()[1]).toMatchObject({ operation: 'task:sonic', field: 'data.persona_id' });
    expect(await counted()).toContain('aimusic_upstream_unreadable_answers_total{operation="task:sonic"} 5');
  });

  it('an answer at once that lacks its field is counted under its operation', async () => {
    const res = await gql(url, `mutation { getBpm(clipId: "c1") { bpm } }`, {}, as);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UPSTREAM_ERROR', taskMayExist: true } });
    expect(await counted()).toContain('aimusic_upstream_unreadable_answers_total{operation="getBpm"} 1');
    expect(reports().at(-1)).toMatchObject({ operation: 'getBpm', field: 'avg_bpm' });
  });

  it('is served on /metrics', async () => {
    const res = await fetch(`${url}/metrics`);
    expect(await res.text()).toContain('aimusic_upstream_unreadable_answers_total{operation="getBpm"} 1');
  });
});
