// Compiles the TypeScript sources to dist/ once, so the installed command starts without compiling anything
// (npm ci runs this as `prepare`). Each command stays its own chunk: a command loads only what it uses.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.tsx', 'adk-worker': 'src/services/administration/adk/worker.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules: native ones (better-sqlite3, koffi) cannot be bundled, and the rest load
  // only in the commands that import them.
  packages: 'external',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (!process.argv.includes('--quiet')) console.log(`sevadm built to dist/ in ${(performance.now() - started).toFixed(0)} ms`);
