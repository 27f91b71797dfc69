// The nine graded contacts of shared/grading/GRADING.md (copied to tests/calibration/,
// with the visitor's facts typed into the tools as a careful student would): the game's
// level must be one an expert gave on at least 50 of the 54 judgements, and never
// softer than TI where both experts gave TI.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { calibrate, calibrationTable, type GradedContact } from '../../src/core/calibration/calibrate';

const set = JSON.parse(readFileSync('tests/calibration/calibration.json', 'utf8')) as Record<string, GradedContact>;
const catalog = loadFromDisk();
const judgements = calibrate(set, (id) => {
  const scenario = catalog.scenarios.find((s) => s.id === id);
  return scenario && { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
});

it('covers the whole calibration set: 9 contacts × 6 criteria', () => {
  expect(Object.keys(set)).toHaveLength(9);
  expect(judgements).toHaveLength(54);
});

it('agrees with an expert on at least 50 of the 54 judgements', () => {
  const agree = judgements.filter((j) => j.agrees).length;
  expect(agree, calibrationTable(judgements)).toBeGreaterThanOrEqual(50);
});

it('never softens a TI both experts gave', () => {
  expect(judgements.filter((j) => j.softened)).toEqual([]);
});
