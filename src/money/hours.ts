/**
 * Converting costs per hour into costs per time unit of the scenario. The time unit is a
 * label (README), so only the units named here convert; a scenario in another unit gives
 * its costs per hour and is told to use one of these.
 */
const hours: Readonly<Record<string, number>> = {
  second: 1 / 3600,
  sec: 1 / 3600,
  s: 1 / 3600,
  minute: 1 / 60,
  min: 1 / 60,
  hour: 1,
  hr: 1,
  h: 1,
  day: 24,
};

/** Hours in one time unit called `unit` (singular or plural, any case), or undefined for a unit that is not a time. */
export function hoursPerUnit(unit: string): number | undefined {
  const name = unit.trim().toLowerCase();
  const singular = name.length > 1 && name.endsWith('s') && !Object.hasOwn(hours, name) ? name.slice(0, -1) : name;
  return Object.hasOwn(hours, singular) ? hours[singular] : undefined;
}

/** The units hoursPerUnit knows, for messages. */
export const convertibleUnits = 'second, minute, hour, day';
