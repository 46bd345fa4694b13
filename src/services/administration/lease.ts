import { createExclusive, isAlive } from '../../processes.js';
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Clock } from '../../clock.js';
import { LeaseHolder, type LeaseGrant, type LeaseRequest } from './models.js';

/** How long a lease holds without renewal: a holder that stopped renewing (hung, cut off) loses it after this. */
export const LEASE_TTL_MS = 30_000;

/** The one transfer at a time into a company: taken, renewed while the run lasts, released at its end. */
export interface LeaseKeeper {
  take(request: LeaseRequest): LeaseGrant;
  /** False when the lease is no longer this token's (it expired and was taken over). */
  renew(token: string): boolean;
  release(token: string): void;
}

type Stored = LeaseHolder & { token: string };

/**
 * Past its expiry by this much on our own clock, a lease is abandoned whoever's clock wrote it: two machines'
 * clocks may differ by minutes, so nearer the expiry only what this process saw itself counts (below).
 */
const SKEW_MARGIN_MS = 10 * LEASE_TTL_MS;

/** A lease whose holder is gone: its process has ended on this host, or it is long past its expiry. */
export function isStale(holder: LeaseHolder, now: number, host = hostname()): boolean {
  return Date.parse(holder.expires) + SKEW_MARGIN_MS <= now || (holder.host === host && !isAlive(holder.pid));
}

abstract class BaseLease implements LeaseKeeper {
  /** The lease as this keeper last saw it, and when (on its own clock): unchanged for a whole TTL, it was not renewed. */
  private seen: { token: string; expires: string; at: number } | undefined;

  constructor(protected readonly clock: Clock) {}

  /** Not renewed while we watched it for a whole TTL, by our own clock (no other machine's clock involved). */
  private unrenewed(current: Stored, now: number): boolean {
    const seen = this.seen;
    if (seen && seen.token === current.token && seen.expires === current.expires) return now - seen.at >= LEASE_TTL_MS;
    this.seen = { token: current.token, expires: current.expires, at: now };
    return false;
  }
  protected abstract read(): Stored | undefined | 'unreadable';
  /** Creates the lease if there is none; false if another got there first. */
  protected abstract create(lease: Stored): boolean;
  protected abstract replace(lease: Stored): void;
  /** Removes the lease if it is still exactly `seen`; true if it did. */
  protected abstract removeIf(seen: Stored | 'unreadable'): boolean;

  take(request: LeaseRequest): LeaseGrant {
    const now = this.clock.now();
    const mine: Stored = {
      ...request,
      since: new Date(now).toISOString(),
      expires: new Date(now + LEASE_TTL_MS).toISOString(),
      token: randomUUID(),
    };
    let tookOverFrom: LeaseHolder | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (this.create(mine)) return { granted: true, token: mine.token, holder: strip(mine), tookOverFrom };
      const current = this.read();
      if (current === undefined) continue;
      if (current !== 'unreadable' && !isStale(current, now) && !this.unrenewed(current, now))
        return { granted: false, holder: strip(current) };
      // Its holder died or stopped renewing: take it over, unless someone else just did.
      if (this.removeIf(current) && current !== 'unreadable') tookOverFrom = strip(current);
    }
    const current = this.read();
    if (current && current !== 'unreadable') return { granted: false, holder: strip(current) };
    throw new Error('could not take the transfer lease: it changed hands five times in a row');
  }

  renew(token: string): boolean {
    const current = this.read();
    if (!current || current === 'unreadable' || current.token !== token) return false;
    this.replace({ ...current, expires: new Date(this.clock.now() + LEASE_TTL_MS).toISOString() });
    return true;
  }

  release(token: string): void {
    const current = this.read();
    if (current && current !== 'unreadable' && current.token === token) this.removeIf(current);
  }
}

const strip = ({ token: _token, ...holder }: Stored): LeaseHolder => holder;

/**
 * A lease kept in a file beside the company (a network drive included): created with link(2), which fails
 * if the file exists, so two takers can never both win; a stale one is moved aside before it is removed,
 * and only if it is still the one judged stale.
 */
export class FileLease extends BaseLease {
  constructor(
    private readonly path: string,
    clock: Clock,
  ) {
    super(clock);
  }

  protected read(): Stored | undefined | 'unreadable' {
    try {
      return parseStored(readFileSync(this.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private scratch(lease: Stored): string {
    const temp = `${this.path}.${lease.token}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(lease));
    return temp;
  }

  protected create(lease: Stored): boolean {
    return createExclusive(this.path, JSON.stringify(lease));
  }

  protected replace(lease: Stored): void {
    renameSync(this.scratch(lease), this.path);
  }

  protected removeIf(seen: Stored | 'unreadable'): boolean {
    const aside = `${this.path}.${randomUUID()}.stale`;
    try {
      renameSync(this.path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const moved = parseStored(readFileSync(aside, 'utf8'));
    const same = seen === 'unreadable' ? moved === 'unreadable' : moved !== 'unreadable' && moved.token === seen.token;
    if (!same) {
      // A fresh lease someone took meanwhile: put it back (unless yet another exists by now).
      try {
        linkSync(aside, this.path);
      } catch {
        /* a newer lease holds the place; this one's holder will find it gone at renewal */
      }
    }
    unlinkSync(aside);
    return same;
  }
}

function parseStored(text: string): Stored | 'unreadable' {
  try {
    const parsed = JSON.parse(text) as { token?: unknown };
    return typeof parsed.token === 'string' ? { ...LeaseHolder.parse(parsed), token: parsed.token } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The same, for a company that lives in this process only (`:memory:`, tests). */
export class MemoryLease extends BaseLease {
  private current: Stored | undefined;
  protected read() {
    return this.current;
  }
  protected create(lease: Stored) {
    if (this.current) return false;
    this.current = lease;
    return true;
  }
  protected replace(lease: Stored) {
    this.current = lease;
  }
  protected removeIf(seen: Stored | 'unreadable') {
    if (this.current !== seen) return false;
    this.current = undefined;
    return true;
  }
}
