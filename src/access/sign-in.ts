/**
 * End-user sign-in: a bearer JWT verified by `jose` against a shared HS256 secret (development, tests) or a remote
 * JSON Web Key Set (RS256/ES256, as Auth0, Clerk, Supabase, Keycloak and Cognito publish them; jose fetches and
 * caches the keys). Issuer and audience are checked when configured; `sub` and `exp` are required.
 *
 * The claims that make a user are held to their exact types, since a token's JSON may hold anything: `sub` must be a
 * non-empty string (a list or an object is not stringified into some user's name), an admin claim must be the boolean
 * `true` (or, as `<claim>=<value>`, equal the value or be a list holding it exactly), and a token issued in the future
 * (`iat` past the allowed clock skew) is refused, as is, with AUTH_MAX_TOKEN_AGE, one issued longer ago than that.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '../config.js';
import { GatewayError } from '../domain/errors.js';

export interface SignedInUser {
  /** The token's `sub`. */
  id: string;
  /** Whether the token carries AUTH_ADMIN_CLAIM. */
  admin: boolean;
  /** When the token expires (epoch ms). */
  expiresAt: number;
}

const maxSubjectLength = 255;

/** How far a token's `iat` may be ahead of this gateway's clock (the identity provider's clock may run ahead a little). */
export const issuedAtSkewSeconds = 60;

const refused = (why: string) => new GatewayError('UNAUTHENTICATED', `The sign-in token was refused: ${why}.`);

function refusal(err: unknown): GatewayError {
  const code = (err as { code?: string } | null)?.code;
  const claim = (err as { claim?: string } | null)?.claim;
  const why =
    code === errors.JWTExpired.code
      ? 'the token has expired'
      : code === errors.JWTClaimValidationFailed.code
        ? `its "${claim}" claim is missing or not accepted`
        : code === errors.JWSSignatureVerificationFailed.code || code === errors.JWKSNoMatchingKey.code
          ? 'its signature does not verify'
          : code === errors.JOSEAlgNotAllowed.code
            ? 'its algorithm is not accepted'
            : code === errors.JWKSTimeout.code || code === errors.JWKSInvalid.code
              ? 'the signing keys could not be fetched; try again'
              : 'it is not a valid JWT';
  return new GatewayError('UNAUTHENTICATED', `The sign-in token was refused: ${why}.`);
}

export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;

  constructor(private readonly config: AuthConfig) {
    this.key = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : createRemoteJWKSet(new URL(config.jwksUrl ?? ''));
    this.options = {
      algorithms: config.jwtSecret ? ['HS256'] : ['RS256', 'ES256'],
      requiredClaims: ['sub', 'exp'],
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
  }

  /** The user a token names, or UNAUTHENTICATED (missing, malformed, expired, wrongly signed, wrong issuer or audience). */
  async verify(token: string | undefined): Promise<SignedInUser> {
    if (!token) throw new GatewayError('UNAUTHENTICATED', 'Sign in: send "Authorization: Bearer <token>".');
    let payload: JWTPayload;
    try {
      // The two overloads differ only in the key's type; `key` is one of them by construction.
      payload = (await jwtVerify(token, this.key as Uint8Array, this.options)).payload;
    } catch (err) {
      throw refusal(err);
    }
    const sub: unknown = payload.sub;
    if (typeof sub !== 'string' || sub === '' || sub.length > maxSubjectLength) {
      throw refused(`its "sub" claim must be a string of 1 to ${maxSubjectLength} characters`);
    }
    this.checkIssuedAt(payload.iat, Date.now() / 1000);
    return { id: sub, admin: this.isAdmin(payload), expiresAt: (payload.exp ?? 0) * 1000 };
  }

  /** jose has checked that `iat`, when present, is a number. */
  private checkIssuedAt(iat: number | undefined, nowSeconds: number): void {
    if (iat !== undefined && iat > nowSeconds + issuedAtSkewSeconds) throw refused('its "iat" claim says it was issued in the future');
    const maxAge = this.config.maxTokenAgeSeconds;
    if (maxAge === undefined) return;
    if (iat === undefined) throw refused('its "iat" claim is missing (AUTH_MAX_TOKEN_AGE needs it)');
    if (nowSeconds - iat > maxAge) throw refused('it was issued longer ago than AUTH_MAX_TOKEN_AGE allows; sign in again');
  }

  private isAdmin(payload: JWTPayload): boolean {
    const claim = this.config.adminClaim;
    if (!claim) return false;
    const value = payload[claim.name];
    if (claim.value === undefined) return value === true;
    return Array.isArray(value) ? value.includes(claim.value) : value === claim.value;
  }
}
