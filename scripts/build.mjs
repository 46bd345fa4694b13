// Compiles the TypeScript sources to dist/ once, so the installed command starts without compiling anything
// (npm ci runs this as `prepare`). Each command stays its own chunk: a command loads only what it uses.
// `--bench` adds the benchmarks' own entry points (bench/terminalApp.tsx).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bench = process.argv.includes('--bench');

/**
 * Ink draws each frame from scratch, measuring every row's width and splitting it into styled characters again,
 * though nearly all rows are the ones it drew a moment ago; at 200×60 that was most of a key's time. Ink and its
 * helpers are bundled into dist/ so that those two steps go through sevadm's memos (src/terminal/memo/). React
 * stays outside: ink and the app must share one React. The rest of node_modules is loaded as it is.
 */
const BUNDLED = /^(ink|ink-text-input|ink-spinner)(\/|$)/;
const MEMOS = {
  'string-width': 'src/terminal/memo/stringWidth.ts',
  '@alcalzone/ansi-tokenize': 'src/terminal/memo/ansiTokenize.ts',
};
const inkInside = {
  name: 'ink-inside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
      const memo = MEMOS[args.path];
      const fromMemo = args.importer.includes('/src/terminal/memo/');
      if (memo && !fromMemo) return { path: `${root}${memo}` };
      const fromPackage = args.importer.includes('/node_modules/');
      if (/^react(\/|$)/.test(args.path)) return { external: true };
      if (fromPackage || fromMemo || BUNDLED.test(args.path)) return undefined;
      return { external: true };
    });
  },
};

rmSync(`${root}dist`, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli.tsx',
    'adk-worker': 'src/services/administration/adk/worker.ts',
    ...(bench ? { 'bench/terminalApp': 'bench/terminalApp.tsx' } : {}),
  },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [inkInside],
  // Ink's optional developer tools (a websocket to React DevTools) never load in sevadm.
  external: ['react-devtools-core', 'ws', 'bufferutil', 'utf-8-validate'],
  jsx: 'automatic',
  // Bundled CommonJS helpers (signal-exit) require Node's modules; an ES module has no require of its own.
  banner: { js: "import { createRequire as sevadmRequire } from 'node:module'; const require = sevadmRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (!process.argv.includes('--quiet')) console.log(`sevadm built to dist/ in ${(performance.now() - started).toFixed(0)} ms`);
