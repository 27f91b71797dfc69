// Two scripted contacts per visitor scenario of issue 11 (one good with a realistic
// slip, one poor), graded by GRADING.md before the game was run: per scenario, the
// game's level must match the expected one on at least 11 of its 12 judgements. The same
// author wrote the scenarios and these levels: they were re-graded when GRADING.md's
// principles changed (faults add up; nothing shown on two indicators or more is TI; three
// gaps are not a minor gap) — the expert sets in tests/calibration/ are the real check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { calibrate, calibrationTable, type GradedContact } from '../../src/core/calibration/calibrate';

const set = JSON.parse(readFileSync('tests/calibration/new-visitors.json', 'utf8')) as Record<string, GradedContact>;
const catalog = loadFromDisk();
const judgements = calibrate(set, (id) => {
  const scenario = catalog.scenarios.find((s) => s.id === id);
  return scenario && { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
});
const scenarios = [...new Set(Object.values(set).map((g) => g.scenario))];

it('grades two contacts of every visitor scenario on CP1–CP6', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(10);
  for (const id of scenarios) expect(Object.values(set).filter((g) => g.scenario === id)).toHaveLength(2);
  expect(judgements).toHaveLength(scenarios.length * 12);
});

describe.each(scenarios)('%s', (id) => {
  it('matches the expected level on at least 11 of 12 judgements', () => {
    const mine = judgements.filter((j) => set[j.key].scenario === id);
    expect(mine.filter((j) => j.agrees).length, calibrationTable(mine)).toBeGreaterThanOrEqual(11);
  });
});

it('never softens an expected TI', () => {
  expect(judgements.filter((j) => j.softened)).toEqual([]);
});
