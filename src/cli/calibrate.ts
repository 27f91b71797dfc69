// npm run calibrate [-- set1|cal-face|cal-phone|file.json …]: replays the graded contacts of each
// calibration set and prints expected (expert A/B) vs shown levels, then one summary line per set.
// --explain: after each table, every disagreement with what the game observed and the experts' reasons.
import { calibrationTable, explainDisagreements, type Judgement, summaryTable } from '../core/calibration/calibrate';
import { CALIBRATION_SETS, calibrateSet } from './calibration-sets';

try {
  const args = process.argv.slice(2);
  const explain = args.includes('--explain');
  const named = args.filter((a) => a !== '--explain');
  const names = named.length ? named : [...CALIBRATION_SETS];
  const sets: { name: string; judgements: Judgement[] }[] = [];
  for (const name of names) {
    const judgements = calibrateSet(name);
    sets.push({ name, judgements });
    console.log(`## ${name}\n\n${calibrationTable(judgements)}\n`);
    if (explain) console.log(`${explainDisagreements(judgements)}\n`);
  }
  console.log(summaryTable(sets));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
