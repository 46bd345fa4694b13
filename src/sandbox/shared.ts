import { createExclusive, isAlive } from '../processes.js';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where a demo directory's running sandbox says it can be reached. */
const Advert = z.object({ url: z.string(), clientId: z.string(), clientSecret: z.string(), pid: z.number().int() });
type Advert = z.infer<typeof Advert>;

/** The sandbox a demo process talks to, and how it lets go of it. */
export interface SharedSandbox {
  url: string;
  clientId: string;
  clientSecret: string;
  /** True when this process runs it (others may be using it). */
  owner: boolean;
  /** Stops using it; the owner serves on until the last other user has gone, then closes it. */
  release(onWaiting?: (pids: number[]) => void): Promise<void>;
}

/**
 * One Severa sandbox per demo directory, whichever demo process started first: the others use it over HTTP
 * rather than load a second copy of severa.json whose last writer would win. The owner advertises it in
 * sandbox.json (created with link(2), so two starters cannot both advertise); each user registers under
 * sandbox-users/ before it looks, and the owner stops serving only when no registered user is left.
 */
export async function sharedSandbox(
  dir: string,
  start: () => Promise<{ url: string; clientId: string; clientSecret: string; close(): Promise<void> }>,
): Promise<SharedSandbox> {
  const advertFile = join(dir, 'sandbox.json');
  const users = join(dir, 'sandbox-users');
  mkdirSync(users, { recursive: true });
  const me = join(users, String(process.pid));
  writeFileSync(me, '');
  const leave = () => rmSync(me, { force: true });
  const others = () =>
    readdirSync(users)
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid !== process.pid && isAlive(pid));

  for (let attempt = 0; attempt < 10; attempt++) {
    const advert = read(advertFile);
    if (advert && advert.pid !== process.pid && isAlive(advert.pid)) {
      // A live owner is never replaced (that would make a second copy): a slow one is waited for.
      if (await answers(advert.url, 15_000)) return { ...advert, owner: false, release: async () => leave() };
      leave();
      throw new Error(`the demo's Severa sandbox (pid ${advert.pid}, ${advert.url}) does not answer; end that sevadm and try again`);
    }
    // Its owner is gone: the advert is stale.
    if (advert) tryUnlinkIf(advertFile, advert);
    const sandbox = await start();
    const mine: Advert = { url: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, pid: process.pid };
    if (!advertise(advertFile, mine)) {
      // Another process started one at the same moment and advertised first: use that one.
      await sandbox.close();
      continue;
    }
    return {
      ...mine,
      owner: true,
      async release(onWaiting) {
        leave();
        let told = false;
        for (;;) {
          let waiting = others();
          if (waiting.length === 0) {
            // Withdraw the advert, then look once more: a user who read it just before is registered by now.
            tryUnlinkIf(advertFile, mine);
            waiting = others();
            if (waiting.length === 0 || !advertise(advertFile, mine)) break;
          }
          if (!told) onWaiting?.(waiting);
          told = true;
          await new Promise((r) => setTimeout(r, 300));
        }
        await sandbox.close();
      },
    };
  }
  leave();
  throw new Error(`could not start or reach the demo's Severa sandbox in ${dir}`);
}

function read(file: string): Advert | undefined {
  try {
    return Advert.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function advertise(file: string, advert: Advert): boolean {
  return createExclusive(file, JSON.stringify(advert));
}

/** Removes the advert only while it is still the one seen (a dead owner's, or our own). */
function tryUnlinkIf(file: string, seen: Advert): void {
  const now = read(file);
  if (now && now.pid === seen.pid && now.url === seen.url) rmSync(file, { force: true });
}

async function answers(url: string, withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/heartbeat/server`, { signal: AbortSignal.timeout(Math.max(500, until - performance.now())) });
      if (response.ok) return true;
    } catch {
      /* not up yet, or busy: try again until the time is up */
    }
    if (performance.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}
