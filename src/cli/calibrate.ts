// npm run calibrate [-- file.json]: replays the graded contacts and prints expected (expert A/B) vs shown levels.
import { readFileSync } from 'node:fs';
import { calibrate, calibrationTable, type GradedContact } from '../core/calibration/calibrate';
import { loadFromDisk } from './files';

const file = process.argv[2] ?? 'tests/calibration/calibration.json';
const set = JSON.parse(readFileSync(file, 'utf8')) as Record<string, GradedContact>;
const catalog = loadFromDisk();
const judgements = calibrate(set, (id) => {
  const scenario = catalog.scenarios.find((s) => s.id === id);
  return scenario && { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
});
console.log(calibrationTable(judgements));
