import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

describe('test redis-server', requires(redis), () => {
  it('starts, answers PING, and stops', async () => {
    const redis = await startRedis();
    const { port } = new URL(redis.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = createConnection(Number(port), '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (d) => (socket.destroy(), resolve(d.toString())));
      socket.once('error', reject);
    });
    expect(reply).toBe('+PONG\r\n');
    await redis.stop();
  });
});
