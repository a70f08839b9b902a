/**
 * Where a replication worker's code is. Built (dist/), it is the compiled worker.js next to
 * this file. Run from source (vitest, tsx: this file is a .ts), worker threads do not inherit
 * the TypeScript loader, so the thread starts from a two-line bootstrap that loads worker.ts
 * through tsx's API (a development dependency, present wherever the sources are run).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerEntry {
  /** The module to start the thread with, or source text when `eval` is true. */
  code: URL | string;
  eval: boolean;
}

export function workerEntry(): WorkerEntry {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { code: new URL('./worker.js', here), eval: false };
  const require = createRequire(here);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), manifest.exports['./esm/api']!.import.default)).href;
  const worker = new URL('./worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)}));`;
  return { code: bootstrap, eval: true };
}
