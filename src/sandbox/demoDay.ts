import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { demoCompanyFile } from './administration/demoCompanies.js';
import { LEGACY_SEED_ANCHOR, MAX_SCALE } from './severa/seed.js';

const DemoDayFile = z.object({ createdAt: z.iso.datetime(), scale: z.number().int().min(1).max(MAX_SCALE).optional() });

export const demoDayFile = (dir: string) => join(dir, 'demo.json');

/**
 * The instant a demo's data leads up to: its creation, kept in demo.json so both sides are seeded
 * alike and the default filters can follow the data however long ago it was made. A demo made before
 * the day was kept was seeded on the old fixed day.
 */
export function demoAnchor(dir: string, clock: Clock, scale?: number): number {
  const file = demoDayFile(dir);
  if (existsSync(file)) {
    const day = readDemoDay(file);
    const made = day.scale ?? 1;
    if (scale !== undefined && scale !== made)
      throw new Error(
        `the demo in ${dir} was made at --scale ${made}; sevadm demo --reset --scale ${scale} makes it again at --scale ${scale}`,
      );
    return Date.parse(day.createdAt);
  }
  const older = existsSync(join(dir, 'severa.json')) || existsSync(demoCompanyFile(dir, 2000));
  const anchor = older ? LEGACY_SEED_ANCHOR : clock.now();
  mkdirSync(dir, { recursive: true });
  const made = scale && scale > 1 ? { scale } : {};
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ createdAt: new Date(anchor).toISOString(), ...made })}\n`);
  renameSync(`${file}.tmp`, file);
  return anchor;
}

/** How many times the demo's data this demo holds (--scale when it was made; 1 when not said). */
export function demoScale(dir: string): number {
  const file = demoDayFile(dir);
  return existsSync(file) ? (readDemoDay(file).scale ?? 1) : 1;
}

function readDemoDay(file: string): z.infer<typeof DemoDayFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); sevadm demo --reset starts the demo over`, {
      cause: error,
    });
  }
  const day = DemoDayFile.safeParse(parsed);
  if (!day.success)
    throw new Error(
      `${file}: createdAt must be a date-time such as 2026-11-01T08:00:00.000Z, and scale (if there) a whole number from 1 to ${MAX_SCALE}; sevadm demo --reset starts the demo over`,
    );
  return day.data;
}
