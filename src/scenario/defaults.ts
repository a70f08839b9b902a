/**
 * The defaults of the core's optional keys: resolution fills them in (resolve.ts) and the
 * JSON Schema shows them to editors (schema.ts), from this one place.
 */
export const coreDefaults = {
  seed: 1,
  replications: 10,
  unit: 'minute',
  warmup: 0,
  drain: true,
  discipline: 'fifo',
  priority: 1,
} as const;
