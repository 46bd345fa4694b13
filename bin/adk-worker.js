#!/usr/bin/env node
// The process that owns Adk.dll for one company (started by sevadm, never by hand): runs the compiled worker,
// or the TypeScript one through tsx when there is no build, like bin/sevadm.js.
import { existsSync } from 'node:fs';

const built = new URL('../dist/adk-worker.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/services/administration/adk/worker.ts');
}
