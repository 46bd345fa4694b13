import { PublicAuthenticationOutputModel } from './schemas/auth.js';
import type { SeveraEvent, SeveraTransport, TokenSource } from './transport.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
}

/**
 * Holds the access token and renews it before it runs out. Concurrent callers share one token
 * request, so a burst of calls right at expiry costs one POST /v1/token, not one each.
 */
export class TokenManager implements TokenSource {
  private current: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  /** Granted scopes as the token endpoint reported them. */
  grantedScopes: string[] = [];

  constructor(
    private readonly transport: SeveraTransport,
    private readonly credentials: Credentials,
    private readonly onEvent?: (event: SeveraEvent) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  token(): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return Promise.resolve(this.current.token);
    if (!this.pending) {
      this.onEvent?.({ type: 'token', reason: this.current ? 'expiring' : 'first' });
      this.pending = this.fetchToken().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  rejected(token: string): void {
    if (this.current?.token === token) {
      this.current = undefined;
      this.onEvent?.({ type: 'token', reason: 'rejected' });
    }
  }

  private async fetchToken(): Promise<string> {
    const requestedAt = this.now();
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/v1/token',
      authenticated: false,
      // Getting a token changes nothing in Severa: a failed try is simply tried again.
      safe: true,
      body: {
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        scope: this.credentials.scopes.join(' '),
      },
      schema: PublicAuthenticationOutputModel,
    });
    const lifetimeMs = data.access_token_expires_in * 1000;
    // Renew five minutes early, or a tenth of the lifetime when tokens are short-lived.
    const margin = Math.min(5 * 60_000, lifetimeMs / 10);
    this.current = { token: data.access_token, renewAt: requestedAt + lifetimeMs - margin };
    this.grantedScopes = (data.scope ?? '').split(/[\s,]+/).filter(Boolean);
    return data.access_token;
  }
}
