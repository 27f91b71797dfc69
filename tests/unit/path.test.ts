import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { bestResults, buildPath, levelsOpenedBy, nextStep, type PathRecord, type PathScenario, pathOrder, runLevel, toReplay } from '../../src/core/path/path';
import type { Levels } from '../../src/core/run/grade';

const s = (id: string, difficulty: number, channel: PathScenario['channel'] = 'face', duration = 5): PathScenario => ({ id, difficulty, channel, duration });

/** Five at level 1 (two phone, one mixed), two at level 2, one at level 4 (no level 3). */
const catalog = [
  s('mix1', 1, 'mixed'),
  s('ph1', 1, 'phone'),
  s('face1b', 1, 'face', 8),
  s('face1a', 1, 'face', 3),
  s('ph1b', 1, 'phone', 2),
  s('face2', 2),
  s('ph2', 2, 'phone'),
  s('face4', 4),
];
const TS: Levels = { CP1: 'TS', CP2: 'TS', CP3: 'TS' };
const S: Levels = { CP1: 'S', CP2: 'TS', CP3: 'S' };
const I: Levels = { CP1: 'S', CP2: 'S', CP3: 'I' }; // 56: passed, but below S
const rec = (scenario: string, levels: Levels, failed?: boolean, at?: string): PathRecord => ({
  scenario,
  levels,
  ...(failed === undefined ? {} : { failed }),
  ...(at ? { at } : {}),
});

describe('path order', () => {
  it('sorts by difficulty, then face, phone, mixed, then the shorter', () => {
    expect(pathOrder(catalog).map((x) => x.id)).toEqual(['face1a', 'face1b', 'ph1b', 'ph1', 'mix1', 'face2', 'ph2', 'face4']);
  });

  it('follows the shipped catalog, every scenario once, difficulties ascending', () => {
    const shipped = loadFromDisk().scenarios;
    const path = buildPath(shipped, []);
    const ids = path.levels.flatMap((l) => l.steps.map((x) => x.id));
    expect(ids.sort()).toEqual(shipped.map((x) => x.id).sort());
    const ds = path.levels.map((l) => l.difficulty);
    expect(ds).toEqual([...ds].sort((a, b) => a - b));
    for (const l of path.levels) {
      const channels = l.steps.map((x) => ({ face: 0, phone: 1, mixed: 2 })[x.channel]);
      expect(channels, `level ${l.difficulty}`).toEqual([...channels].sort((a, b) => a - b));
    }
    expect(path.levels[0].open).toBe(true);
    expect(path.levels.slice(1).every((l) => !l.open)).toBe(true);
  });
});

describe('levels that open', () => {
  it('opens the first level only, and says what the second waits for', () => {
    const path = buildPath(catalog, []);
    expect(path.levels.map((l) => [l.difficulty, l.open])).toEqual([
      [1, true],
      [2, false],
      [4, false],
    ]);
    expect(path.levels[1].opensAfter).toEqual({ difficulty: 1, missing: 3 });
    expect(path.levels[2].opensAfter).toEqual({ difficulty: 2, missing: 2 });
    expect(path.levels.map((l) => l.need)).toEqual([3, 2, 1]);
  });

  it('opens level 2 at three passes of level 1, not two', () => {
    const two = [rec('face1a', TS), rec('ph1', S)];
    expect(buildPath(catalog, two).levels[1].open).toBe(false);
    expect(buildPath(catalog, two).levels[1].opensAfter).toEqual({ difficulty: 1, missing: 1 });
    const three = [...two, rec('mix1', I)]; // passed (score 56) though below S: it counts for opening
    const path = buildPath(catalog, three);
    expect(path.levels[0].passed).toBe(3);
    expect(path.levels[1].open).toBe(true);
    expect(path.levels[1].opensAfter).toBeUndefined();
    expect(path.levels[2].open).toBe(false);
  });

  it('a level with fewer scenarios than the count needs all of them; an empty difficulty is skipped', () => {
    const base = [rec('face1a', TS), rec('face1b', TS), rec('ph1', TS)];
    expect(buildPath(catalog, [...base, rec('face2', TS)]).levels[2].open).toBe(false);
    const path = buildPath(catalog, [...base, rec('face2', TS), rec('ph2', S)]);
    expect(path.levels[2]).toMatchObject({ difficulty: 4, open: true });
  });

  it('a failed situation never counts, whatever its levels; the same scenario passed twice counts once', () => {
    const path = buildPath(catalog, [rec('face1a', TS, true), rec('face1b', TS), rec('face1b', TS), rec('ph1', TS)]);
    expect(path.levels[0].passed).toBe(2);
    expect(path.levels[1].open).toBe(false);
  });

  it('the unlock count can be changed, and a teacher sees every level open', () => {
    expect(buildPath(catalog, [rec('face1a', TS)], { unlockCount: 1 }).levels[1].open).toBe(true);
    const teacher = buildPath(catalog, [], { openAll: true });
    expect(teacher.levels.every((l) => l.open && !l.opensAfter)).toBe(true);
  });

  it('leaves out plays of scenarios that are not in the catalog', () => {
    const path = buildPath(catalog, [rec('own-file', TS), rec('other', TS), rec('third', TS)]);
    expect(path.levels[1].open).toBe(false);
  });

  it('says which level the last play opened', () => {
    const records = [rec('face1a', TS), rec('face1b', TS), rec('ph1', S)];
    expect(levelsOpenedBy(catalog, records)).toEqual([2]);
    expect(levelsOpenedBy(catalog, records.slice(0, 2))).toEqual([]);
    expect(levelsOpenedBy(catalog, [...records, rec('face4', TS)])).toEqual([]);
  });
});

describe('best result per scenario', () => {
  it('keeps the best play: passed before failed, then the higher score, and counts the plays', () => {
    const best = bestResults([
      rec('face1a', I, false, '2026-01-01'),
      rec('face1a', TS, true, '2026-01-02'), // 100 by the levels, but failed: held under the mark
      rec('face1a', S, false, '2026-01-03'),
      rec('face1a', I, false, '2026-01-04'),
    ]);
    expect(best.get('face1a')).toEqual({ percent: 78, passed: true, level: 'S', plays: 4, at: '2026-01-03' });
  });

  it('a failed play is held under the pass mark', () => {
    expect(bestResults([rec('x', TS, true)]).get('x')).toMatchObject({ percent: 49, passed: false, level: 'TS' });
  });

  it('a play level is the mean of its criteria rounded down; nothing assessed is no level', () => {
    expect(runLevel(S)).toBe('S');
    expect(runLevel({ a: 'TS', b: 'TS', c: 'I' })).toBe('S');
    expect(runLevel({ a: 'S', b: 'S', c: 'I' })).toBe('I');
    expect(runLevel({ a: null })).toBeNull();
  });

  it('marks a scenario new, to replay (failed or below S) or done', () => {
    const path = buildPath(catalog, [rec('face1a', TS), rec('face1b', I), rec('ph1b', TS, true)]);
    const status = Object.fromEntries(path.levels[0].steps.map((x) => [x.id, x.status]));
    expect(status).toEqual({ face1a: 'done', face1b: 'replay', ph1b: 'replay', ph1: 'new', mix1: 'new' });
    expect(toReplay(path).map((x) => x.id)).toEqual(['face1b', 'ph1b']);
  });
});

describe('next step', () => {
  it('a new student starts with the first face-to-face scenario of level 1', () => {
    expect(nextStep(buildPath(catalog, []))).toEqual({ id: 'face1a', kind: 'play', difficulty: 1 });
  });

  it('after a play to replay, replays it; after a success, the next one not played yet', () => {
    expect(nextStep(buildPath(catalog, [rec('face1a', I)]), 'face1a')).toEqual({ id: 'face1a', kind: 'replay', difficulty: 1 });
    expect(nextStep(buildPath(catalog, [rec('face1a', I), rec('face1a', TS)]), 'face1a')).toEqual({ id: 'face1b', kind: 'play', difficulty: 1 });
  });

  it('a scenario to replay from before does not hold back a success elsewhere', () => {
    const path = buildPath(catalog, [rec('face1a', I), rec('face1b', TS)]);
    expect(nextStep(path, 'face1b')).toEqual({ id: 'ph1b', kind: 'play', difficulty: 1 });
  });

  it('goes on to an open level, never a locked one; then what is left to replay; then nothing', () => {
    const level1 = ['face1a', 'face1b', 'ph1b', 'ph1', 'mix1'].map((id) => rec(id, TS));
    expect(nextStep(buildPath(catalog, level1), 'mix1')).toEqual({ id: 'face2', kind: 'play', difficulty: 2 });
    const withReplay = [...level1.slice(1), rec('face1a', I), rec('face2', TS), rec('ph2', TS), rec('face4', TS)];
    expect(nextStep(buildPath(catalog, withReplay), 'face4')).toEqual({ id: 'face1a', kind: 'replay', difficulty: 1 });
    const all = [...level1, rec('face2', TS), rec('ph2', TS), rec('face4', TS)];
    expect(nextStep(buildPath(catalog, all), 'face4')).toBeNull();
  });

  it('a locked level waits: with level 1 played but not passed enough, the next step is a replay there', () => {
    const level1 = ['face1a', 'face1b', 'ph1b', 'ph1', 'mix1'].map((id, i) => rec(id, i < 2 ? TS : I, i >= 2));
    expect(nextStep(buildPath(catalog, level1), 'mix1')).toEqual({ id: 'mix1', kind: 'replay', difficulty: 1 });
    expect(nextStep(buildPath(catalog, level1))).toEqual({ id: 'ph1b', kind: 'replay', difficulty: 1 });
  });
});
