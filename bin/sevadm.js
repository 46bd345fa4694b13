#!/usr/bin/env node
// The installed `sevadm` command: runs the compiled build in dist/ (npm ci makes it through `prepare`; `npm run
// build` remakes it). A checkout without a build still runs, from the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

// React's development build is several times slower per key; users get the production one.
process.env.NODE_ENV ??= 'production';
const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/cli.tsx');
}
