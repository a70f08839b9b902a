/**
 * Scenario problems are values, collected and reported together: each names the file, the
 * key path (`stations[1].service.mean`), the line where the file has one, and what is wrong.
 */
export type KeyPath = ReadonlyArray<string | number>;

/** Whether `path` is `prefix` or lies under it (stations.0.servers.lunch under stations.0.servers). */
export function isUnder(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

export interface ScenarioProblem {
  file: string;
  /** The file `file` was made from, when it names something else (a variant of the file). */
  source?: string;
  path: KeyPath;
  line?: number | undefined;
  message: string;
}

/** `stations[1].service.mean` */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** `bank.yaml:23: stations[1].service.mean: mean must be greater than 0` */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const path = formatPath(problem.path);
  return path === '' ? `${where}: ${problem.message}` : `${where}: ${path}: ${problem.message}`;
}

/** The closest candidate to a mistyped name, if one is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

export function hint(word: string, candidates: Iterable<string>): string {
  const suggestion = didYouMean(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
