/**
 * The scenarios whose results are pinned byte for byte (test/fixtures/pinned/*.json): the
 * bundled bank branch, and small models exercising each core behaviour (patience, balking,
 * blocking, priority, shifts, warm-up, drain: false, tandem routes). A scenario that uses no
 * new key must give exactly these results after any change to the journey.
 */
export const pinnedModels: Record<string, unknown> = {
  'mm1-patience-balking': {
    name: 'M/M/1 with patience and balking',
    seed: 102,
    replications: 4,
    time: { horizon: 2000, warmup: 100 },
    stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
    segments: [
      { id: 'walkIn', arrivals: { rate: 0.9 }, route: ['desk'], patience: { dist: 'exponential', mean: 6 }, balkAt: 8 },
    ],
  },
  'priority-finite-shifts': {
    name: 'Priority, finite line, shifts, no drain',
    seed: 7,
    replications: 4,
    time: {
      horizon: 600,
      drain: false,
      periods: [
        { name: 'early', start: 0 },
        { name: 'peak', start: 200 },
        { name: 'late', start: 400 },
      ],
    },
    stations: [
      { id: 'front', servers: { early: 2, peak: 4, late: 1 }, queueCapacity: 6, discipline: 'priority', service: { dist: 'gamma', mean: 2, sd: 1.5 } },
      { id: 'back', servers: 2, service: { dist: 'triangular', min: 0.5, mode: 1, max: 3 } },
    ],
    segments: [
      { id: 'vip', priority: 0, arrivals: { rate: { early: 0.3, peak: 0.8, late: 0.2 } }, route: ['front', 'back'] },
      { id: 'regular', arrivals: { rate: 0.9 }, route: ['front'], patience: { dist: 'lognormal', mean: 5, sd: 3 } },
      { id: 'returns', arrivals: { rate: 0.2 }, route: ['back', 'front', 'back'], service: { front: { dist: 'empirical', values: [1, 2, 4], weights: [3, 2, 1] } } },
    ],
  },
};

/**
 * The summary restricted to what the fixture has, at every depth: later features add keys
 * (`periods`, new metrics such as `waitP80`, a station scope for `denied`), but every value
 * that existed must keep exactly its bytes. A key the fixture has and the summary lacks
 * stays missing, so the comparison fails on it.
 */
function project(value: unknown, shape: unknown): unknown {
  if (shape === null || typeof shape !== 'object' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(shape)) return Array.isArray(value) ? shape.map((item, i) => project(value[i], item)) : value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(shape).filter((key) => Object.hasOwn(source, key)).map((key) => [key, project(source[key], (shape as Record<string, unknown>)[key])]));
}

export function pinnedPart(summary: object, fixtureText: string): string {
  return JSON.stringify(project(summary, JSON.parse(fixtureText)), null, 2) + '\n';
}
