/** `queuesim validate FILE...`: check scenario files without running them. */
import { overloadedStations, overloadWarning } from '../baseline/overload.js';
import { pluralUnit } from './format.js';
import { loadScenarioFiles, reportProblems } from './scenario-files.js';

export async function validateCommand(files: string[]): Promise<number> {
  const { loaded, problems } = await loadScenarioFiles(files);
  for (const { file, model } of loaded) {
    const periods = model.periods.length;
    process.stdout.write(
      `ok  ${file}: "${model.name}", ${model.stations.length} station${model.stations.length === 1 ? '' : 's'}, ` +
        `${model.segments.length} segment${model.segments.length === 1 ? '' : 's'}, ${periods} period${periods === 1 ? '' : 's'}, ` +
        `horizon ${model.horizon} ${pluralUnit(model.unit, model.horizon)}\n`,
    );
    for (const overload of overloadedStations(model)) process.stderr.write(`${overloadWarning(file, overload)}\n`);
  }
  if (problems.length > 0) {
    reportProblems(problems);
    return 2;
  }
  return 0;
}
