import { randomBytes } from 'node:crypto';
import { type Clock, processClock } from '../../clock.js';

export interface IssuedToken {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
}

/** Access tokens handed out by POST /v1/token. */
export class TokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>();
  issued = 0;

  constructor(private readonly clock: Clock = processClock()) {}

  issue(clientId: string, scopes: string[], ttlSeconds: number): { token: string; refresh: string; expiresAt: number } {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.clock.now() + ttlSeconds * 1000;
    this.tokens.set(token, { clientId, scopes: new Set(scopes), expiresAt });
    this.issued++;
    return { token, refresh: randomBytes(24).toString('base64url'), expiresAt };
  }

  /** The token if known and not expired. */
  check(token: string): IssuedToken | undefined {
    const found = this.tokens.get(token);
    if (!found) return undefined;
    if (this.clock.now() >= found.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return found;
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}
