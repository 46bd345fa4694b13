import { hostname, userInfo } from 'node:os';
import { LEASE_TTL_MS } from '../services/administration/lease.js';
import type { LeaseHolder } from '../services/administration/models.js';
import type { AdministrationPort } from '../services/administration/port.js';

/** Another run holds the company: who, since when, for what. */
export class LeaseHeldError extends Error {
  constructor(readonly holder: LeaseHolder) {
    super(`a transfer of ${holder.kind} by ${holder.who} (pid ${holder.pid}) since ${holder.since} holds this Administration company`);
    // The command line knows it by name (it does not load this module for that).
    this.name = 'LeaseHeldError';
  }
}

/** The run's lease while it lasts: renewed in the background; `lost` once another took it over. */
export interface HeldLease {
  readonly lost: boolean;
  release(): Promise<void>;
}

export interface LeaseWait {
  /** How long to wait for a lease another run holds, in ms (0: refuse at once). */
  waitMs: number;
  /** Told (once per holder) while waiting. */
  onWaiting?: (holder: LeaseHolder) => void;
  /** A taken-over lease of a run that died, for the log. */
  onTakeover?: (from: LeaseHolder) => void;
  /** Asked between tries: true stops the wait. */
  cancelled?: () => boolean;
  /** The pause between tries (the monotonic kind: a wait, not a date). */
  pauseMs?: number;
}

function whoAmI(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry (a container): the pid still names the holder */
  }
  return `${user}@${hostname()}`;
}

/**
 * Takes the company's transfer lease for a run of `kind`, waiting as asked while another run holds it, and
 * keeps it renewed until released.
 */
export async function holdLease(port: AdministrationPort, kind: string, wait: LeaseWait): Promise<HeldLease> {
  const request = { kind, who: whoAmI(), host: hostname(), pid: process.pid };
  const started = performance.now();
  let told: string | undefined;
  for (;;) {
    const grant = await port.takeLease(request);
    if (grant.granted) {
      if (grant.tookOverFrom) wait.onTakeover?.(grant.tookOverFrom);
      return keepRenewed(port, grant.token);
    }
    const waited = performance.now() - started;
    if (waited >= wait.waitMs || wait.cancelled?.()) throw new LeaseHeldError(grant.holder);
    const key = `${grant.holder.who}/${grant.holder.pid}/${grant.holder.since}`;
    if (key !== told) wait.onWaiting?.(grant.holder);
    told = key;
    await new Promise((r) => setTimeout(r, Math.min(wait.pauseMs ?? 1000, wait.waitMs - waited)));
    if (wait.cancelled?.()) throw new LeaseHeldError(grant.holder);
  }
}

function keepRenewed(port: AdministrationPort, token: string): HeldLease {
  let lost = false;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = port.renewLease(token).then(
      (held) => {
        if (!held) lost = true;
      },
      // A renewal that did not get through is tried again at the next tick; the lease outlives a few.
      () => undefined,
    );
  }, LEASE_TTL_MS / 3);
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(timer);
      await renewing;
      if (!lost) await port.releaseLease(token).catch(() => undefined);
    },
  };
}
