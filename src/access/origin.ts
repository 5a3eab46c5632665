/**
 * Which browser origins may use the API. A request without an `Origin` (a server, curl) is not a browser's and is
 * always let through; a browser's is allowed when it is the gateway's own origin (its page at `/` and GraphiQL) or
 * listed in CORS_ORIGINS (`*`: any). Checked alike for HTTP, SSE and the WebSocket upgrade, which browsers send
 * cross-site without any CORS check.
 *
 * The gateway's own origin comes from the configuration, never from the request's `Host`: a page on a name the
 * attacker controls that resolves to the gateway (DNS rebinding) has that name in both its `Origin` and its `Host`.
 * With PUBLIC_URL, only its origin is the gateway's own; without it, only loopback names (`localhost`, `127.0.0.1`,
 * `[::1]`, any port and scheme), where a developer opens the page. Everything else must be in CORS_ORIGINS.
 */

/** Host names that only ever reach this machine. */
const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

export class OriginPolicy {
  private readonly listed: Set<string>;
  private readonly any: boolean;
  /** PUBLIC_URL's origin and host, when it is set. */
  private readonly publicOrigin: string | undefined;
  private readonly publicHost: string | undefined;

  constructor(corsOrigins: readonly string[], publicUrl: string | undefined) {
    this.any = corsOrigins.includes('*');
    this.listed = new Set(corsOrigins.map(normalize));
    const url = publicUrl ? new URL(publicUrl) : undefined;
    this.publicOrigin = url && normalize(url.origin);
    this.publicHost = url?.host.toLowerCase();
  }

  /** Whether a request with this `Origin` (undefined: not a browser) may be served. */
  allows(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    return this.any || this.listed.has(normalize(origin)) || this.isOwn(origin);
  }

  /** Whether `origin` is the gateway's own: PUBLIC_URL's origin, or without it a loopback name. */
  isOwn(origin: string): boolean {
    if (this.publicOrigin !== undefined) return normalize(origin) === this.publicOrigin;
    const url = parse(origin);
    return url !== undefined && loopbackNames.has(url.hostname.toLowerCase());
  }

  /**
   * Whether a `Host` header names the gateway as configured (PUBLIC_URL's host, or without it a loopback name): what
   * a browser calls "same-origin" is only the gateway's own page when the name it reached is one of these.
   */
  isOwnHost(host: string | undefined): boolean {
    if (!host) return false;
    if (this.publicHost !== undefined) return host.toLowerCase() === this.publicHost;
    const url = parse(`http://${host}`);
    return url !== undefined && loopbackNames.has(url.hostname.toLowerCase());
  }

  /** Whether `origin` is named in CORS_ORIGINS itself (not only let in by `*`). */
  lists(origin: string): boolean {
    return this.listed.has(normalize(origin));
  }
}

/** As browsers send an origin: scheme and host in lower case, no trailing slash (CORS_ORIGINS is normalized so too). */
export function normalize(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/+$/, '');
}

/** An http(s) origin as a URL; undefined for anything else ("null", garbage). */
function parse(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
