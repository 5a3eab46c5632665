/**
 * Keeping secrets out of text that leaves the process: `redact` scrubs known secrets (API keys, tokens) from a string
 * in every form an echo may carry them in; `redactBearer` scrubs any bearer credential, known or not.
 */
const patterns = new Map<string, RegExp>();

/** Matches every form of a secret an echo may carry it in (as it is, URL-encoded, base64), in any letter case. */
function patternOf(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    const forms = [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
    pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    if (patterns.size >= 1_000) patterns.clear();
    patterns.set(secret, pattern);
  }
  return pattern;
}

/**
 * Replaces every occurrence of each secret in `text`, also URL-encoded or base64, in any letter case (an upstream may
 * echo a key upper-cased). Scrub whole texts: a secret cut in two is no longer found.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    out = out.replace(patternOf(s), '[redacted]');
  }
  return out;
}

/** Any bearer credential, known or not. */
const bearerPattern = /(Bearer\s+)[^\s"',;]+/gi;

export function redactBearer(text: string): string {
  return text.replace(bearerPattern, '$1[redacted]');
}

/** Keys whose values are credentials whatever they hold (a webhook secret, a token, a signature). */
const secretKeys = /secret|token|password|signature|authorization|api[-_]?key|^key$/i;

/**
 * A JSON value as text that may be logged: the values of credential-named keys replaced, known secrets and bearer
 * credentials scrubbed (`redact`, `redactBearer`), then cut to `maxChars`.
 */
export function scrubJson(value: unknown, secrets: readonly (string | undefined)[], maxChars = 4_000): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (key, v) => (key && secretKeys.test(key) && v !== null && v !== undefined ? '[redacted]' : v)) ?? String(value);
  } catch {
    text = String(value);
  }
  const scrubbed = redactBearer(redact(text, secrets));
  return scrubbed.length > maxChars ? `${scrubbed.slice(0, maxChars)}…` : scrubbed;
}
