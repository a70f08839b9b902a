/**
 * Converting costs per hour into costs per time unit of the scenario. The time unit is a
 * label (README), so only clock units convert (model/units.ts); a scenario in another unit
 * gives its costs per hour and is told to use one of these.
 */
export { hoursPerUnit } from '../model/units.js';

/** The units hoursPerUnit knows, for messages. */
export const convertibleUnits = 'second, minute, hour, day';
