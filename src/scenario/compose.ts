/**
 * The scenario schema as published and enforced: the core keys plus the keys of every lever
 * in the registry (or of the levers a caller passes, e.g. a test's own lever).
 */
import { z } from 'zod';
import type { Lever } from '../levers/lever.js';
import { defaultLevers } from '../levers/registry.js';
import { buildScenarioSchema } from './schema.js';

const built = new Map<readonly Lever[], ReturnType<typeof buildScenarioSchema>>();

/** The schema for `levers`, built once per list. */
export function scenarioSchemaFor(levers: readonly Lever[] = defaultLevers): ReturnType<typeof buildScenarioSchema> {
  let schema = built.get(levers);
  if (schema === undefined) {
    schema = buildScenarioSchema(levers);
    built.set(levers, schema);
  }
  return schema;
}

/** The JSON Schema of scenario files (`queuesim schema`). */
export function scenarioJsonSchema(levers: readonly Lever[] = defaultLevers): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchemaFor(levers), { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}
