/** Vitest global setup: build the `queuesim` command once, so CLI tests run the real binary. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--cli-only'], { stdio: 'inherit' });
}
