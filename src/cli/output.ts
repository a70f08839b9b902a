/**
 * Writing results under the output folder: everything for one scenario goes to a fresh
 * temporary folder first, which then replaces `<out>/<slug>/` in one rename, so a failure
 * never leaves a half-written result set behind.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A folder name from a scenario name: "Bank branch, weekday" → "bank-branch-weekday". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug === '' ? 'scenario' : slug;
}

/** Writes `files` (name → contents) as `<outDir>/<slug>/`, replacing what was there. */
export async function writeResultFolder(outDir: string, slug: string, files: Record<string, string>): Promise<string> {
  const target = join(outDir, slug);
  const staging = join(outDir, `.${slug}.partial-${process.pid}`);
  const previous = join(outDir, `.${slug}.previous-${process.pid}`);
  await mkdir(outDir, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging);
    for (const [name, contents] of Object.entries(files)) await writeFile(join(staging, name), contents);
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious) await rename(previous, target);
      throw error;
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}
