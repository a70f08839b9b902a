/**
 * The model of a test's scenario, validated as a file would be. A scenario with problems
 * fails the test that uses it, each problem on its own line with its key path.
 */
import { validateScenario, type Model } from '../src/index.js';
import type { Lever } from '../src/levers/lever.js';
import { defaultLevers } from '../src/levers/registry.js';

export function modelOf(data: unknown, levers: readonly Lever[] = defaultLevers): Model {
  const loaded = validateScenario(data, '(test scenario)', undefined, levers);
  if (!loaded.ok) throw new Error(`invalid test scenario:\n${loaded.problems.map((p) => `  ${p.path.join('.')}: ${p.message}`).join('\n')}`);
  return loaded.model;
}
