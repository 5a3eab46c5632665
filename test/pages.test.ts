/**
 * Pages that load fast: GraphiQL and the live page are small HTML documents naming their files under hashed URLs;
 * each file is its content's hash (sha-256), compressed as the client asks (brotli, else gzip), and cached for a year
 * (`public, max-age=31536000, immutable`); the pages themselves are revalidated (304). GraphQL answers are
 * compressed when the client accepts it and they are large enough, on the fast path and through yoga. Sizes are
 * measured here with node's own zlib and crypto.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keyA, sandboxGateway } from './support/helpers.js';

/** A raw HTTP GET (fetch would decompress and hide the encoding): status, headers and the bytes as sent. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decoded = (reply: { headers: Record<string, unknown>; body: Buffer }) =>
  reply.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(reply.body)
    : reply.headers['content-encoding'] === 'gzip'
      ? gunzipSync(reply.body)
      : reply.body;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url');

/** Every file a page names in src= or href=. */
const filesOf = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);

async function expectImmutableFiles(base: string, paths: string[]) {
  let raw = 0;
  let sent = 0;
  for (const path of paths) {
    const plain = await get(`${base}${path}`);
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The URL names the content: its hash is in the path.
    expect(path).toContain(`.${sha256(plain.body).slice(0, 16)}.`);
    const br = await get(`${base}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(`${base}${path}`, { 'accept-encoding': 'gzip' });
    if (plain.body.length >= 1024) {
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
    }
    expect(decoded(br).equals(plain.body)).toBe(true);
    expect(decoded(gz).equals(plain.body)).toBe(true);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    const again = await get(`${base}${path}`, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    raw += plain.body.length;
    sent += br.body.length;
  }
  return { raw, sent };
}

describe('pages and their files', () => {
  const setup = sandboxGateway();

  it('GraphiQL: a page of a few KB and files of one sha-256 each, sent with brotli at under a third of their size', async () => {
    const page = await get(`${setup.gw.url}/graphql`, { accept: 'text/html', 'accept-encoding': 'br' });
    const html = decoded(page).toString('utf8');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await get(`${setup.gw.url}/graphql`, {
      accept: 'text/html',
      'accept-encoding': 'br',
      'if-none-match': String(page.headers.etag),
    });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    expect(html).toContain('SplitDemoSong');
    expect(decoded(page).length).toBeLessThan(20_000);
    const files = filesOf(html);
    // Its script, stylesheet and icon by src/href, and the editor's three workers named in its inline script.
    const workers = [...html.matchAll(/"(\/assets\/graphiql-[\w-]+-worker\.[\w-]+\.js)"/g)].map((m) => m[1]!);
    expect(files.filter((f) => /graphiql\.[\w-]+\.(js|css)$/.test(f))).toHaveLength(2);
    expect(workers).toHaveLength(3);
    const { raw, sent } = await expectImmutableFiles(setup.gw.url, [...files, ...workers]);
    expect(raw).toBeGreaterThan(5_000_000);
    expect(sent / raw).toBeLessThan(1 / 3);
  });

  it('the live page: small HTML, revalidated; its scripts under hashed URLs, compressed and immutable', async () => {
    const page = await get(`${setup.gw.url}/`, { 'accept-encoding': 'br' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await get(`${setup.gw.url}/`, { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    const files = filesOf(decoded(page).toString('utf8'));
    expect(files.map((f) => f.replace(/\.[\w-]+\.js$/, ''))).toEqual([
      '/assets/graphql-ws',
      '/assets/mixer',
      '/assets/viewer',
      '/assets/app',
    ]);
    await expectImmutableFiles(setup.gw.url, files);
  });

  it('an unknown file is 404', async () => {
    expect((await get(`${setup.gw.url}/assets/graphiql.0000000000000000.js`)).status).toBe(404);
  });
});

describe('GraphQL answers compressed', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://app.example' });
  const post = (query: string, headers: Record<string, string>) =>
    get(
      `${setup.gw.url}/graphql`,
      { 'content-type': 'application/json', authorization: `Bearer ${keyA}`, ...headers },
      'POST',
      JSON.stringify({ query }),
    );

  it.each([
    ['the fast path', {}],
    ['yoga (a browser origin)', { origin: 'https://app.example' }],
  ])('%s: a large answer with the encoding asked for, a small one as it is', async (_name, headers: Record<string, string>) => {
    const large = await post('{ operationCosts { operation credits note } }', { 'accept-encoding': 'gzip, br', ...headers });
    const plain = await post('{ operationCosts { operation credits note } }', headers);
    expect([large.status, plain.status]).toEqual([200, 200]);
    expect(large.headers['content-encoding']).toBe('br');
    expect(decoded(large).equals(plain.body)).toBe(true);
    expect(large.body.length).toBeLessThan(plain.body.length / 2);
    const gz = await post('{ operationCosts { operation credits note } }', { 'accept-encoding': 'gzip', ...headers });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await post('{ __typename }', { 'accept-encoding': 'gzip, br', ...headers });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});
