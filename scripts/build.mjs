/**
 * `npm run build`: the library and the command.
 *
 *   1. tsc emits dist/ (the library: dist/index.js and its .d.ts files), unless --cli-only.
 *   2. esbuild bundles the `queuesim` command into dist/bin/: queuesim.js, the worker thread's
 *      worker.js, and shared chunks loaded when a command needs them (the report's vega code
 *      only when a report is drawn). From one bundle node reads, compiles and links a few
 *      files instead of some 400 modules, so every command starts ~120 ms sooner (measured:
 *      a 4-customer `run` 0.82 s → 0.60 s, `run --no-report` 0.32 s → 0.20 s).
 *      resvg stays outside: it loads a native binary of its own.
 *
 * Usage: node scripts/build.mjs [--cli-only]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

if (!process.argv.includes('--cli-only')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

/**
 * The build's id: a hash of every source file (its path under the root, with / between
 * folders, and its text with line ends as \n), of this script and of the package files.
 * Shards record it (src/cli/shard-manifest.ts), so `queuesim merge` refuses shards run by code
 * built from other sources under the same version number. Hidden files (an editor's swap
 * file) are not sources.
 */
function buildId() {
  const hash = createHash('sha256');
  const hidden = (path) => path.split(/[\\/]/).some((part) => part.startsWith('.'));
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((file) => !hidden(file))
    .map((file) => file.split(sep).join('/'))
    .sort();
  for (const file of [...files, 'scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    hash.update(file).update('\0').update(readFileSync(join(root, file), 'utf8').replaceAll('\r\n', '\n')).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * zod's API objects (z and z.core) re-export all ~50 of its locales (z.locales: ~360 KB of the bundle, read
 * and compiled by every command and every worker thread); queuesim's messages are its own and
 * zod's default is English, which zod imports by itself. The bundle keeps English only:
 * measured, importing zod takes ~19 ms instead of ~28.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'zod-locales', namespace: 'english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: root }));
  },
};

const { metafile } = await build({
  absWorkingDir: root,
  // worker.js sits next to the chunk that starts it (run/worker-entry.ts: './worker.js').
  entryPoints: { queuesim: 'src/cli/main.ts', worker: 'src/run/worker.ts' },
  outdir: 'dist/bin', // two levels down, like dist/cli/: '../../package.json' is the package's
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@resvg/resvg-js'],
  // CommonJS dependencies (commander, seedrandom) call require() for node's own modules.
  banner: { js: "import { createRequire as queuesimCreateRequire } from 'node:module'; const require = queuesimCreateRequire(import.meta.url);" },
  define: { QUEUESIM_BUILD: JSON.stringify(buildId()) },
  plugins: [englishOnly],
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// The command runs only when queuesim.js holds main.ts's own code (main.ts compares its
// import.meta.url with the script node was given): if another module ever imported main.ts,
// esbuild would move it into a shared chunk and `queuesim` would silently do nothing.
if (!Object.keys(metafile.outputs['dist/bin/queuesim.js']?.inputs ?? {}).includes('src/cli/main.ts')) {
  throw new Error('scripts/build.mjs: src/cli/main.ts is no longer inside dist/bin/queuesim.js (is it imported by another module?)');
}

// Chunks of earlier builds go once the new ones are written (chunk names are content
// hashes), so the folder is never missing while a test or the bench starts a command.
// A command started before the rebuild that loads a chunk lazily afterwards may still miss
// an old one; that only happens when building beside a running command.
const current = new Set(Object.keys(metafile.outputs).map((file) => file.slice('dist/bin/'.length)));
const folder = join(root, 'dist/bin');
for (const name of readdirSync(folder)) if (!current.has(name)) rmSync(join(folder, name), { force: true });
