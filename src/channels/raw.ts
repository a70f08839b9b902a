/**
 * Reading scenario data defensively, for the channels levers' checks (which run even when
 * the schema found problems elsewhere) and their resolution (which runs on valid data).
 */
import { isMap, list, type Raw } from '../levers/raw-data.js';
import { choiceStepStations } from './keys.js';

export { isMap, list, type Raw };
export const maps = (value: unknown): Raw[] => list(value).map((item) => (isMap(item) ? item : {}));
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A key's own value: names such as "constructor" must not find Object.prototype's members. */
export const own = (map: Raw, key: string): unknown => (Object.hasOwn(map, key) ? map[key] : undefined);

/** The stations a step may lead to: a station id, or the stations a choice step names. */
export function stepStationIds(step: unknown): string[] {
  if (typeof step === 'string') return [step];
  return (choiceStepStations(step) ?? []).map((s) => s.station);
}

/** Every station a segment's route may lead to. */
export function routeStationIds(segment: Raw): Set<string> {
  return new Set(list(segment.route).flatMap(stepStationIds));
}
