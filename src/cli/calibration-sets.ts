import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GradedContact, Judgement } from '../core/calibration/calibrate';
import { calibrate } from '../core/calibration/calibrate';
import { formatError } from '../core/load/yaml-source';
import type { Run } from '../core/result';
import { loadFromDisk } from './files';

/**
 * The calibration sets (shared/grading/, copied into tests/calibration/): set 1, contacts
 * recorded on the game's scenarios, in one JSON file; cal-face and cal-phone, situations
 * encoded blind as scenarios with one run per transcript and two expert gradings each.
 */
export const CALIBRATION_SETS = ['set1', 'cal-face', 'cal-phone'] as const;
export type SetName = (typeof CALIBRATION_SETS)[number];

const ROOT = 'tests/calibration';

interface Grading {
  [contact: string]: Record<string, { level: string; why?: string }>;
}

const readJson = <T>(path: string): T => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`${path}: not a readable JSON file (${(err as Error).message})`);
  }
};

/** A set's graded contacts: set 1 from its file, the others from their runs and the two gradings (B and C, shown as A and B). */
export function gradedContacts(name: SetName | string): Record<string, GradedContact> {
  const fromFile = (file: string) => Object.fromEntries(Object.entries(readJson<Record<string, GradedContact>>(file)).map(([k, g]) => [k, { ...g, file }]));
  if (name === 'set1') return fromFile(join(ROOT, 'calibration.json'));
  if (name.endsWith('.json')) return fromFile(name);
  const dir = join(ROOT, name);
  const b = readJson<Grading>(join(dir, 'grades-b.json'));
  const c = readJson<Grading>(join(dir, 'grades-c.json'));
  const out: Record<string, GradedContact> = {};
  for (const file of readdirSync(join(dir, 'runs'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const contact = basename(file, '.json');
    const run = readJson<Run>(join(dir, 'runs', file));
    if (!b[contact] || !c[contact]) throw new Error(`${join(dir, 'runs', file)}: no expert grading for "${contact}" in ${dir}/grades-b.json and grades-c.json`);
    const levels: GradedContact['levels'] = {};
    for (const criterion of Object.keys(b[contact]))
      levels[criterion] = {
        A: b[contact][criterion].level as never,
        B: (c[contact][criterion]?.level ?? 'NA') as never,
        why: [b[contact][criterion].why, c[contact][criterion]?.why].filter((w): w is string => !!w),
      };
    out[contact] = { scenario: run.scenario, contact, what: `${name} ${contact}`, levels, run, file: join(dir, 'runs', file) };
  }
  return out;
}

/** Replays a set against the shipped scenarios and the set's own; a scenario that does not load is an error naming its file and line. */
export function calibrateSet(name: SetName | string): Judgement[] {
  const own = name.endsWith('.json') ? undefined : name === 'set1' ? join(ROOT, 'set1', 'scenarios') : join(ROOT, name, 'scenarios');
  const catalog = loadFromDisk(own && existsSync(own) ? ['scenarios', own] : ['scenarios']);
  if (catalog.errors.length) throw new Error(catalog.errors.map(formatError).join('\n'));
  return calibrate(gradedContacts(name), (id) => {
    const scenario = catalog.scenarios.find((s) => s.id === id);
    return scenario && { scenario, rubric: catalog.rubrics.get(scenario.rubric)! };
  });
}
