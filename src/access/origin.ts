/**
 * Which browser origins may use the API. A request without an `Origin` (a server, curl) is not a browser's and is
 * always let through; a browser's is allowed when it is the gateway's own origin (its page at `/` and GraphiQL) or
 * listed in CORS_ORIGINS (`*`: any). Checked alike for HTTP, SSE and the WebSocket upgrade, which browsers send
 * cross-site without any CORS check.
 */
export class OriginPolicy {
  private readonly listed: Set<string>;
  private readonly any: boolean;
  private readonly publicHost: string | undefined;

  constructor(corsOrigins: readonly string[], publicUrl: string | undefined) {
    this.any = corsOrigins.includes('*');
    this.listed = new Set(corsOrigins.map(normalize));
    this.publicHost = publicUrl ? new URL(publicUrl).host.toLowerCase() : undefined;
  }

  /** `host`: the request's Host header, which names the gateway as the browser reached it. */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.any || this.listed.has(normalize(origin))) return true;
    const originHost = hostOf(origin);
    return originHost !== undefined && (originHost === host?.toLowerCase() || originHost === this.publicHost);
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

function hostOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
