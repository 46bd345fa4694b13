#!/usr/bin/env node
// Runs a TypeScript entry point through tsx's loader, so the published bin needs no build step.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

// Benchmarks measure what users run: React's production build.
process.env.NODE_ENV ??= 'production';
register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.js FILE.ts [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
