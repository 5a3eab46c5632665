/**
 * Who is calling, decided once per request (HTTP, SSE) or per socket (graphql-ws) from what every transport has:
 * the peer address, X-Forwarded-For, and the Authorization value. With sign-in off, a caller is its own API key,
 * else the server's; with sign-in on, a verified user on the server's key.
 */
import type { Config } from '../config.js';
import { tenantOf, userTenant } from '../domain/tenancy.js';
import type { SignedInUser, TokenVerifier } from './sign-in.js';

export interface RequestFacts {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  /** `Authorization` as the transport carries it (header, or the graphql-ws `connection_init` payload). */
  authorization: string | null | undefined;
}

export interface Caller {
  /** The client's IP address (see TRUST_PROXY). */
  ip: string;
  /** The upstream key this caller spends; undefined when there is none. Never log it. */
  apiKey: string | undefined;
  /** Why the credential sent cannot be used (sign-in off: a malformed Authorization header). */
  credentialProblem?: string;
  /** Who owns the tasks this caller makes and may see: `user:<sub>`, or the fingerprint of the API key. */
  tenant: string;
  /** The rate-limit and subscription-cap bucket besides the IP: the user or the caller's own key; none on the server's key. */
  identity: string | undefined;
  /** The signed-in user, with sign-in on. */
  user?: SignedInUser;
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/** The credential in `Authorization: Bearer ...`; `null` for a malformed header, undefined for none. */
export function bearerKey(header: string | null | undefined): string | undefined | null {
  if (!header) return undefined;
  return bearerPattern.exec(header)?.[1] ?? null;
}

/**
 * The client's address: the peer, or with `trustProxy` proxies in front, the address the outermost of them saw
 * (entries further left in X-Forwarded-For are the client's own say and are not believed).
 */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const peer = remoteAddress ?? 'unknown';
  if (trustProxy === 0 || !forwardedFor) return peer;
  const chain = [...[forwardedFor].flat().join(',').split(','), peer].map((a) => a.trim()).filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - trustProxy)] ?? peer;
}

export async function identify(facts: RequestFacts, config: Config, verifier: TokenVerifier | undefined): Promise<Caller> {
  const ip = clientIp(facts.remoteAddress, facts.forwardedFor, config.trustProxy);
  const credential = bearerKey(facts.authorization);
  if (verifier) {
    // Signed in, the key is always the server's: a token that does not verify is refused, never taken for a key.
    const user = await verifier.verify(credential ?? undefined);
    const tenant = userTenant(user.id);
    return { ip, apiKey: config.apiKey, tenant, identity: tenant, user };
  }
  if (credential === null) {
    return {
      ip,
      apiKey: undefined,
      credentialProblem: 'The Authorization header must be "Bearer <api key>".',
      tenant: 'anonymous',
      identity: undefined,
    };
  }
  if (credential) {
    const tenant = tenantOf(credential);
    return { ip, apiKey: credential, tenant, identity: `key:${tenant}` };
  }
  return { ip, apiKey: config.apiKey, tenant: config.apiKey ? tenantOf(config.apiKey) : 'anonymous', identity: undefined };
}
