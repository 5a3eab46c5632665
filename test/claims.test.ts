/**
 * Strict claims: a token's JSON may hold anything, so what makes a user is held to its exact type. `sub` must be a
 * non-empty string (`["alice"]` is not user alice, and two object subs are not one user); an admin claim must be the
 * boolean `true` (`"true"` is not), or for `<claim>=<value>` equal the value or be a list holding it exactly; a token
 * issued in the future is refused, and with AUTH_MAX_TOKEN_AGE one issued longer ago. Over HTTP and graphql-ws.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { codes, gql, sandboxGateway } from './support/helpers.js';
import { initialisedSocket } from './support/live.js';
import { testJwtSecret } from './support/tokens.js';
import { waitFor } from './support/wait.js';

const now = () => Math.floor(Date.now() / 1000);

/** A token with exactly these claims (jose's setters would refuse a `sub` that is not a string), valid for 10 minutes. */
const token = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: now() + 600, iat: now(), ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(testJwtSecret));
const bearer = async (claims: Record<string, unknown>) => ({ authorization: `Bearer ${await token(claims)}` });

/** How graphql-ws answers a connection_init with this token: the close code, or 'open'. */
async function socketVerdict(url: string, authorization: string): Promise<number | 'open'> {
  const socket = initialisedSocket(url, authorization);
  const verdict = await waitFor(() => socket.verdict, 'the socket to be acknowledged or refused');
  socket.close();
  return verdict;
}

describe('sign-in claims', () => {
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, AUTH_ADMIN_CLAIM: 'admin' });
  const viewerId = async (headers: Record<string, string>) => gql(setup.gw.url, '{ viewer { id } }', {}, headers);

  it('a `sub` that is not a non-empty string is refused with UNAUTHENTICATED, over HTTP and graphql-ws', async () => {
    for (const sub of [['alice'], { name: 'alice' }, {}, 42, true, '', null]) {
      const headers = await bearer({ sub });
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(res.status, JSON.stringify(sub)).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await socketVerdict(setup.gw.url, headers.authorization), JSON.stringify(sub)).toBe(4403);
    }
    // A string `sub` is a user of that name.
    expect((await viewerId(await bearer({ sub: 'alice' }))).data).toEqual({ viewer: { id: 'user:alice' } });
    expect(await socketVerdict(setup.gw.url, (await bearer({ sub: 'alice' })).authorization)).toBe('open');
  });

  it('the admin claim must be the boolean true: "true", 1 and ["true"] are not', async () => {
    for (const admin of ['true', 1, ['true'], 'yes']) {
      expect(codes(await gql(setup.gw.url, '{ credits { total } }', {}, await bearer({ sub: 'mallory', admin }))), String(admin)).toEqual([
        'FORBIDDEN',
      ]);
    }
    const admin = await gql(setup.gw.url, '{ credits { total } }', {}, await bearer({ sub: 'dave', admin: true }));
    expect(admin.data!.credits.total).toBeGreaterThan(0);
  });

  it('a token issued in the future is refused; one issued now is not', async () => {
    const future = await viewerId(await bearer({ sub: 'time-traveller', iat: now() + 3600 }));
    expect(codes(future)).toEqual(['UNAUTHENTICATED']);
    expect(future.errors![0]!.message).toMatch(/issued in the future/);
    expect((await viewerId(await bearer({ sub: 'present' }))).data).toEqual({ viewer: { id: 'user:present' } });
  });
});

describe('AUTH_ADMIN_CLAIM=<claim>=<value>', () => {
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, AUTH_ADMIN_CLAIM: 'roles=admin' });
  const credits = async (roles: unknown) => gql(setup.gw.url, '{ credits { total } }', {}, await bearer({ sub: 'someone', roles }));

  it('the claim must equal the value, or be a list holding it exactly', async () => {
    for (const roles of [['admin'], ['user', 'admin'], 'admin']) expect(codes(await credits(roles)), JSON.stringify(roles)).toEqual([]);
    for (const roles of [['Admin'], ['administrator'], ['admin ', 'user'], [['admin']], { admin: true }, true]) {
      expect(codes(await credits(roles)), JSON.stringify(roles)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('AUTH_MAX_TOKEN_AGE=1h', () => {
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, AUTH_MAX_TOKEN_AGE: '1h' });
  const viewerId = async (claims: Record<string, unknown>) => gql(setup.gw.url, '{ viewer { id } }', {}, await bearer(claims));

  it('refuses a token issued more than an hour ago, or without `iat`; serves a fresh one', async () => {
    const old = await viewerId({ sub: 'old', iat: now() - 2 * 3600 });
    expect(codes(old)).toEqual(['UNAUTHENTICATED']);
    expect(old.errors![0]!.message).toMatch(/AUTH_MAX_TOKEN_AGE/);
    expect(codes(await viewerId({ sub: 'undated', iat: undefined }))).toEqual(['UNAUTHENTICATED']);
    expect((await viewerId({ sub: 'fresh', iat: now() - 60 })).data).toEqual({ viewer: { id: 'user:fresh' } });
  });
});
