import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { replay, resultOf } from '../../src/core/result';
import { levelsOf } from '../../src/core/run/attempt';
import { checkRun, RUN_LIMITS } from '../../src/core/run/check-run';
import { overallLevels, passed, scorePercent, situationScore } from '../../src/core/run/grade';
import { allFlags, rescoreFile } from '../../src/core/run/rescore';
import { decodeSession, encodeSession, type SessionDef } from '../../src/core/run/session-def';
import { playedFile, twoScenarioSession } from './results-fixture';

const catalog = loadFromDisk();
const [first] = catalog.scenarios;
const rubricOf = (id: string) => catalog.rubrics.get(catalog.scenarios.find((s) => s.id === id)!.rubric)!;

const session: SessionDef = twoScenarioSession(catalog, 'abc123def');
const token = encodeSession(session);

function makeFile(policy: 'ideal' | 'rude' = 'ideal') {
  return playedFile(catalog, session, { policy });
}
const ctx = { scenarios: catalog.scenarios, rubrics: catalog.rubrics, session };
const codes = (text: string, c = ctx) => allFlags(rescoreFile('f.json', text.length, text, c)).map((f) => f.code);

describe('re-scoring a results file from its action logs', () => {
  it('accepts an untouched file, and its levels are those of a replay', () => {
    const file = makeFile();
    const imported = rescoreFile('a.json', 1, JSON.stringify(file), ctx);
    expect(allFlags(imported)).toEqual([]);
    imported.runs.forEach((r, i) => {
      const s = catalog.scenarios.find((x) => x.id === file.runs[i].scenario)!;
      expect(r.levels).toEqual(levelsOf(resultOf(replay(s, rubricOf(s.id), file.runs[i]))));
    });
  });

  it('flags a changed score (an edited level, an edited percentage)', () => {
    const file = makeFile('rude');
    const [id, level] = Object.entries(file.runs[0].levels).find(([, l]) => l)!;
    file.runs[0].levels[id] = level === 'TS' ? 'TI' : 'TS';
    expect(codes(JSON.stringify(file))).toContain('level-changed');
    const other = makeFile();
    other.score.percent = other.score.percent === 100 ? 99 : 100;
    expect(codes(JSON.stringify(other))).toEqual(['score-changed']);
  });

  it('flags a changed action (another option, or another time)', () => {
    const file = makeFile();
    const act = file.runs[0].actions.find((a) => a.contact !== 'desk')!;
    act.option = 'no-such-option';
    expect(codes(JSON.stringify(file))).toContain('run-refused');
    const late = makeFile();
    const acts = late.runs[0].actions.filter((a) => a.contact !== 'desk');
    const shift = 60;
    for (const a of acts) a.t += shift;
    late.runs[0].end += shift;
    const flagged = codes(JSON.stringify(late));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.some((c) => ['level-changed', 'satisfaction-changed', 'run-refused'].includes(c))).toBe(true);
  });

  it('flags a foreign session and a foreign seed', () => {
    const file = JSON.stringify(makeFile());
    expect(codes(file, { ...ctx, session: { ...session, id: 'other99999' } })).toContain('foreign-session');
    expect(codes(file, { ...ctx, session: { ...session, seed: 7 } })).toContain('foreign-seed');
    const edited = makeFile();
    edited.session.seed = 7;
    expect(codes(JSON.stringify(edited))).toEqual(expect.arrayContaining(['session-tampered', 'foreign-seed']));
  });

  it('flags impossible timings: acts faster than a person reads the options', () => {
    const file = makeFile();
    const run = file.runs[0];
    const firstAct = run.actions.find((a) => a.contact !== 'desk')!.t;
    for (const a of run.actions) if (a.contact !== 'desk') a.t = firstAct;
    const s = catalog.scenarios.find((x) => x.id === run.scenario)!;
    const again = resultOf(replay(s, rubricOf(s.id), { ...run, end: run.end }));
    run.levels = levelsOf(again);
    run.satisfaction = again.satisfaction.score;
    file.score.percent = scorePercent(file.runs.map((r) => r.levels));
    expect(codes(JSON.stringify(file))).toContain('too-fast');
  });

  it('refuses what is not a results file, without throwing', () => {
    expect(codes('%PDF-1.4 garbage')).toEqual(['not-json']);
    expect(codes('{"hello": 1}')).toEqual(['not-results']);
    expect(codes(JSON.stringify({ ...makeFile(), version: 99 }))).toEqual(['unknown-version']);
    expect(allFlags(rescoreFile('big.json', 11 * 1024 * 1024, '{}', ctx)).map((f) => f.code)).toEqual(['too-large']);
    const html = makeFile();
    html.student.name = '<img src=x onerror=alert(1)>';
    expect(codes(JSON.stringify(html))).toEqual(['html-in-name']);
  });
});

describe('checking a run before replay', () => {
  const s = first;
  const rubric = rubricOf(s.id);
  const base = play(s, rubric, 'ideal', 3);
  const run = { scenario: base.scenario, seed: base.seed, actions: base.actions, end: base.end };
  const problem = (value: unknown) => {
    const c = checkRun(value, s, rubric);
    return c.ok ? 'ok' : c.problems[0].code;
  };
  const withAct = (i: number, patch: object) => ({ ...run, actions: run.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const lastAct = run.actions.length - 1;

  it('accepts a genuine run with no flags', () => {
    const c = checkRun(JSON.parse(JSON.stringify(run)), s, rubric);
    expect(c.ok && c.flags).toEqual([]);
  });

  it('refuses non-integer, negative, decreasing times, nulls, oversize and early ends', () => {
    expect(problem(withAct(lastAct, { t: 'x' }))).toBe('bad-time');
    expect(problem(withAct(lastAct, { t: 1.5 }))).toBe('bad-time');
    expect(problem(withAct(0, { t: -99999 }))).toBe('bad-time');
    expect(problem(withAct(lastAct, { t: 0 }))).toBe('time-goes-back');
    expect(problem({ ...run, actions: [...run.actions, null] })).toBe('bad-action');
    expect(problem(null)).toBe('not-object');
    expect(problem({ ...run, actions: Array.from({ length: 1_000_000 }, () => ({ t: 0, contact: 'desk', option: 'name-badge' })) })).toBe('too-many-actions');
    expect(problem({ ...run, actions: run.actions.slice(0, -1), end: run.actions[lastAct - 1].t })).toBe('not-finished');
    expect(problem({ ...run, end: s.timeLimit + 1 })).toBe('end-after-limit');
    expect(problem({ ...run, scenario: 'other' })).toBe('other-scenario');
  });

  it('flags fifteen acts in the same second', () => {
    const burst = { ...run, actions: run.actions.map((a) => (a.contact === 'desk' ? a : { ...a, t: run.actions.find((x) => x.contact !== 'desk')!.t })) };
    const c = checkRun(burst, s, rubric);
    expect(c.flags.map((f) => f.code)).toContain('too-fast');
    expect(c.flags[0].count).toBeGreaterThan(1);
    expect(RUN_LIMITS.minGap).toBeGreaterThanOrEqual(2);
  });
});

describe('session links', () => {
  it('round-trips and refuses an edited link with a reason', () => {
    expect(decodeSession(token)).toEqual({ session });
    const [data, sum] = token.split('.');
    const json = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
    json.seed = 1;
    const forged = `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${sum}`;
    expect(decodeSession(forged)).toMatchObject({ refused: 'tampered' });
    expect(decodeSession('nonsense')).toMatchObject({ refused: 'malformed' });
  });
});

describe('the SCORM score formula', () => {
  it('counts TI 0, I 1, S 2, TS 3 over the assessed criteria, leaves out the not assessed', () => {
    expect(scorePercent([{ CP1: 'TS', CP2: 'TS', CP3: null }])).toBe(100);
    expect(scorePercent([{ CP1: 'TI', CP2: 'TI' }])).toBe(0);
    expect(
      scorePercent([
        { CP1: 'S', CP2: 'I' },
        { CP1: 'TS', CP2: null },
      ]),
    ).toBe(Math.round((100 * (2 + 1 + 3)) / 9));
    expect(scorePercent([{ CP1: null }])).toBe(0);
    expect(scorePercent([])).toBe(0);
    expect(passed(50, 50)).toBe(true);
    expect(passed(49, 50)).toBe(false);
    expect(
      overallLevels([
        { CP1: 'S', CP2: null },
        { CP1: 'TS', CP2: null },
      ]),
    ).toEqual({ CP1: 'S', CP2: null }); // never rounded up past what was shown
  });

  it('fails a situation with a grave fault or an unmet request, whatever the average', () => {
    const good = { CP1: 'TS', CP2: 'TS', CP3: 'S' } as const;
    expect(situationScore([{ levels: good }])).toEqual({ percent: 89, passed: true, capped: null });
    expect(situationScore([{ levels: good, failed: true }])).toEqual({ percent: 49, passed: false, capped: { from: 89 } });
    expect(situationScore([{ levels: good, failed: true }], 70)).toEqual({ percent: 69, passed: false, capped: { from: 89 } });
    // Already under the pass mark: the number stands, the situation still fails.
    expect(situationScore([{ levels: { CP1: 'TI', CP2: 'I' }, failed: true }])).toEqual({ percent: 17, passed: false, capped: null });
    // One failed situation fails a session of several.
    expect(situationScore([{ levels: good }, { levels: good, failed: true }]).passed).toBe(false);
  });
});
