/**
 * The baseline of benchmark 1: what a user would write instead of a GraphQL layer. `GET /task/{id}` is sent on as
 * `GET {UPSTREAM_URL}/api/v1/sonic/task/{id}` with the caller's Authorization, and the answer is passed back as it
 * came. Run as its own process: `PORT=… UPSTREAM_URL=… node --import tsx bench/proxy.ts`.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';

const upstream = new Pool(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:4010', { connections: 64, keepAliveTimeout: 30_000 });

const server = createServer(async (req, res) => {
  const id = /^\/task\/([^/?]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || !id) return void res.writeHead(404).end();
  try {
    const answer = await upstream.request({
      method: 'GET',
      path: `/api/v1/sonic/task/${id}`,
      headers: { authorization: req.headers.authorization ?? '' },
    });
    const body = await answer.body.text();
    res.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch {
    res.writeHead(502).end();
  }
});
server.listen(Number(process.env.PORT ?? 4020), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void upstream.close().then(() => process.exit(0))));
