import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('live update settings', () => {
  it('default to a 15 s poll, no webhooks and no Redis', () => {
    expect(loadConfig({})).toMatchObject({ pollIntervalMs: 15_000, publicUrl: undefined, redisUrl: undefined });
  });

  it('read POLL_INTERVAL_MS, PUBLIC_URL (without a trailing slash) and REDIS_URL', () => {
    const config = loadConfig({ POLL_INTERVAL_MS: '20000', PUBLIC_URL: 'https://music.example.com/', REDIS_URL: 'redis://cache:6379/2' });
    expect(config).toMatchObject({ pollIntervalMs: 20_000, publicUrl: 'https://music.example.com', redisUrl: 'redis://cache:6379/2' });
  });

  it('refuse bad values, naming the variable', () => {
    for (const [name, value] of [
      ['POLL_INTERVAL_MS', '0'],
      ['POLL_INTERVAL_MS', 'soon'],
      ['PUBLIC_URL', 'ftp://example.com'],
      ['PUBLIC_URL', 'not a url'],
      ['REDIS_URL', 'http://cache:6379'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });
});
