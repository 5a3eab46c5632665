/** Sign-in tokens for tests, minted with jose as an identity provider would (HS256 with AUTH_JWT_SECRET). */
import { SignJWT } from 'jose';

export const testJwtSecret = 'test-sign-in-secret-0123456789abcdef';

export async function hsToken(
  sub: string,
  claims: Record<string, unknown> = {},
  options: { expiresIn?: string | number; key?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.key ?? testJwtSecret));
}

/** The Authorization header of a signed-in user. */
export const signedIn = async (sub: string, claims: Record<string, unknown> = {}) => ({
  authorization: `Bearer ${await hsToken(sub, claims)}`,
});
