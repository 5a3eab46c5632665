import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, sandboxApiKey } from '../src/config.js';
import { defaultUpstreamUrl } from '../src/settings.js';

describe('configuration', () => {
  it('with nothing set, runs on the sandbox with its own key', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, sandbox: true, apiKey: sandboxApiKey, sandboxTaskMs: 20_000 });
  });

  it('with a key, talks to the real upstream by default', () => {
    const config = loadConfig({ AIMUSICAPI_API_KEY: 'real-key-123456', PORT: '8080' });
    expect(config).toMatchObject({ port: 8080, sandbox: false, apiKey: 'real-key-123456', upstreamUrl: defaultUpstreamUrl });
  });

  it('SANDBOX: false refuses a start without a key (with a base URL, clients bring keys); true is the sandbox, and refused beside a key', () => {
    expect(() => loadConfig({ SANDBOX: 'false' })).toThrow(ConfigError);
    expect(() => loadConfig({ SANDBOX: 'false' })).toThrow(/AIMUSICAPI_API_KEY: not set, and SANDBOX=false/);
    expect(loadConfig({ SANDBOX: 'false', AIMUSICAPI_API_KEY: 'real-key-123456' })).toMatchObject({ sandbox: false });
    expect(loadConfig({ SANDBOX: 'false', AIMUSICAPI_BASE_URL: 'http://127.0.0.1:4010' })).toMatchObject({
      sandbox: false,
      apiKey: undefined,
    });
    expect(loadConfig({ SANDBOX: 'true' })).toMatchObject({ sandbox: true, sandboxAskedFor: true, apiKey: sandboxApiKey });
    expect(loadConfig({})).toMatchObject({ sandbox: true, sandboxAskedFor: false });
    for (const upstream of [{ AIMUSICAPI_API_KEY: 'real-key-123456' }, { AIMUSICAPI_BASE_URL: 'http://127.0.0.1:4010' }]) {
      expect(() => loadConfig({ SANDBOX: 'true', ...upstream })).toThrow(
        /SANDBOX: true runs the simulated sandbox, but AIMUSICAPI_API_KEY/,
      );
    }
  });

  it('with only a base URL, has no server key: clients bring their own', () => {
    const config = loadConfig({ AIMUSICAPI_BASE_URL: 'http://127.0.0.1:4010' });
    expect(config).toMatchObject({ sandbox: false, apiKey: undefined, upstreamUrl: 'http://127.0.0.1:4010' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ AIMUSICAPI_BASE_URL: 'ftp://example.com' }, 'AIMUSICAPI_BASE_URL'],
    [{ AIMUSICAPI_API_KEY: 'short' }, 'AIMUSICAPI_API_KEY'],
    [{ SANDBOX_TASK_MS: '0' }, 'SANDBOX_TASK_MS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ UPSTREAM_SUBMITS_PER_MINUTE: '0' }, 'UPSTREAM_SUBMITS_PER_MINUTE'],
    [{ UPSTREAM_SUBMITS_PER_MINUTE: 'fast' }, 'UPSTREAM_SUBMITS_PER_MINUTE'],
    [{ UPSTREAM_SUBMIT_MAX_WAIT_MS: '-1' }, 'UPSTREAM_SUBMIT_MAX_WAIT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: '0' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ AUTH_JWT_SECRET: 'too-short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://id.example/jwks.json' }, 'AUTH_JWT_SECRET and AUTH_JWKS_URL'],
    [{ AUTH_JWT_SECRET: 'x'.repeat(32), AIMUSICAPI_BASE_URL: 'http://127.0.0.1:4010' }, 'AIMUSICAPI_API_KEY'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ AUTH_ADMIN_CLAIM: '=admin' }, 'AUTH_ADMIN_CLAIM'],
    [{ SANDBOX_LATENCY_MS: '-1' }, 'SANDBOX_LATENCY_MS'],
    [{ FINISHED_TASK_CACHE_MB: 'lots' }, 'FINISHED_TASK_CACHE_MB'],
    [{ FINISHED_TASK_CACHE_TTL_MS: '0' }, 'FINISHED_TASK_CACHE_TTL_MS'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('keeps state in ./data, paces nothing, and gives a paid POST in flight at shutdown the whole upstream timeout, by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ dataDir: './data', submitsPerMinute: undefined, submitMaxWaitMs: 30_000 });
    expect(config.shutdownTimeoutMs).toBeGreaterThanOrEqual(config.connectTimeoutMs + config.upstreamTimeoutMs);
    const slow = loadConfig({ UPSTREAM_TIMEOUT_MS: '90000' });
    expect(slow.shutdownTimeoutMs).toBeGreaterThanOrEqual(90_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '5000', DATA_DIR: '/var/lib/aimusic' })).toMatchObject({
      shutdownTimeoutMs: 5000,
      dataDir: '/var/lib/aimusic',
    });
    expect(loadConfig({ UPSTREAM_SUBMITS_PER_MINUTE: '20' })).toMatchObject({ submitsPerMinute: 20 });
  });

  it('browser access: no extra origins, X-Forwarded-For not believed, sign-in off, unless set', () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], trustProxy: 0, auth: undefined });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '30' }).limits).toMatchObject({ ratePerMinute: 30, ratePerIpPerMinute: 30 });
    const auth = loadConfig({ AUTH_JWKS_URL: 'https://id.example/jwks.json', AUTH_AUDIENCE: 'app', AUTH_ADMIN_CLAIM: 'roles=admin' }).auth;
    expect(auth).toEqual({ jwksUrl: 'https://id.example/jwks.json', audience: 'app', adminClaim: { name: 'roles', value: 'admin' } });
  });

  it('the finished-task cache: 64 MB for an hour by default, off at 0 MB', () => {
    expect(loadConfig({}).finishedTaskCache).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 3_600_000 });
    expect(loadConfig({ FINISHED_TASK_CACHE_MB: '0.5', FINISHED_TASK_CACHE_TTL_MS: '1000' }).finishedTaskCache).toEqual({
      maxBytes: 524_288,
      ttlMs: 1000,
    });
    expect(loadConfig({ FINISHED_TASK_CACHE_MB: '0' }).finishedTaskCache.maxBytes).toBe(0);
  });

  it('a variable set to the empty string is unset, for every setting (never a 0 by coercion)', () => {
    const unset = loadConfig({});
    const empty = loadConfig({
      PORT: '',
      RATE_LIMIT_PER_MINUTE: '',
      UPSTREAM_READS_PER_MINUTE_PER_CALLER: '',
      FINISHED_TASK_CACHE_MB: '',
      TASK_READ_MAX_AGE_MS: '',
      LOG_LEVEL: '',
      SANDBOX: '',
    });
    expect(empty).toEqual(unset);
    expect(empty.port).toBe(4000);
    expect(empty.limits.ratePerMinute).toBe(120);
  });

  it('the error message never contains the key value', () => {
    try {
      loadConfig({ AIMUSICAPI_API_KEY: 'secr', PORT: 'x' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('secr');
    }
  });
});
