import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import type { Problem } from '../../src/core/run/check-run';
import { situationScore } from '../../src/core/run/grade';
import { allFlags, IMPORT_FLAG_CODES, type Imported, rescoreFile, rescoreImport } from '../../src/core/run/rescore';
import type { ResultsFile } from '../../src/core/run/results-file';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
import { playedFile } from './results-fixture';

// `npm run rescore` on files made here from real played runs: genuine ones pass, every
// tampered one is refused or flagged, and the checks across files see copies and numbers.

const catalog = loadFromDisk();
// Three short face-to-face scenarios, by id: the times below are theirs, whatever else the catalog ships.
const face = ['aggressive-refused', 'airport-english-baggage', 'hospital-elderly-confused'].map((id) => catalog.scenarios.find((s) => s.id === id)!);
const [A, B, C] = face.map((s) => s.id);

/** Three scenarios of a minute each, 2 min 30 s in all, +50 % for the students granted extra time. */
const session: SessionDef = {
  v: 1,
  id: 'ccf2026accueil',
  name: 'CCF accueil',
  rubric: face[0].rubric,
  scenarios: face.map((s) => ({ id: s.id, limit: 60 })),
  overall: 150,
  hints: false,
  feedback: false,
  seed: 42,
  threshold: 50,
  extraPercent: 50,
  extra: false,
};
const extraSession = { ...session, extra: true };
const token = encodeSession(session);

const hour = (h: number, m = 0) => `2026-11-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;
const who = (name: string) => ({ name, group: '1ARCU' });
const rescore = (file: ResultsFile) => {
  file.score = { ...file.score, ...situationScore(file.runs, session.threshold) };
  return file;
};

interface Line {
  file: string;
  student?: string;
  attempt?: number;
  status: 'valid' | 'flagged' | 'refused';
  flags: { code: string; params: Record<string, string | number> }[];
  levels?: Record<string, string | null>;
  score?: number;
  passed?: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'rescore-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
  return path;
};
const run = (args: string[]) => spawnSync('npm', ['run', '-s', 'rescore', '--', ...args], { encoding: 'utf8' });
const codes = (l: Line) => l.flags.map((f) => (typeof f.params.scenario === 'string' ? `${f.code}@${f.params.scenario}` : f.code)).sort();

/** Every file of one import: name → what it should say. */
const files: Record<string, unknown> = {};
let lines: Record<string, Line> = {};

beforeAll(() => {
  const ines = playedFile(catalog, session, { student: who('Inès Martin'), start: hour(8) });
  files['ines.json'] = ines;
  // Same content again, under another file name.
  files['ines-again.json'] = ines;

  // The weak scenario deleted, the score recomputed on what is left.
  const weak = playedFile(catalog, session, { student: who('Hugo Petit'), start: hour(8, 1), policy: ['ideal', 'rude', 'ideal'] });
  const deleted = rescore({ ...structuredClone(weak), runs: [weak.runs[0], weak.runs[2]] });
  expect(deleted.score.percent).toBeGreaterThan(situationScore(weak.runs, 50).percent);
  files['deleted.json'] = deleted;

  // A strong run pasted twice, in place of the weak one (its desk opening moved to look in place).
  const twice = structuredClone(playedFile(catalog, session, { student: who('Léa Moreau'), start: hour(8, 2), policy: ['ideal', 'rude', 'ideal'] }));
  twice.runs[1] = { ...structuredClone(twice.runs[0]), startedAt: twice.runs[1].startedAt };
  files['twice.json'] = rescore(twice);

  // A practice run (hints, pause, retries) pasted in place of the timed one.
  const timed = playedFile(catalog, session, { student: who('Noah Garcia'), start: hour(8, 3), policy: ['ideal', 'rude', 'ideal'] });
  const practice = playedFile(catalog, session, { student: who('Noah Garcia'), start: hour(7) }).runs[1];
  files['practice.json'] = rescore({
    ...structuredClone(timed),
    runs: [timed.runs[0], { ...practice, mode: 'practice' as 'timed', startedAt: timed.runs[1].startedAt }, timed.runs[2]],
  });

  // The extra-time link: granted to Zoé (typed "DURAND zoe" by the teacher), not to Tom, who used it.
  files['extra-granted.json'] = playedFile(catalog, extraSession, { student: who('Zoé Durand'), start: hour(8, 4), policy: 'passive' });
  files['extra-not-granted.json'] = playedFile(catalog, extraSession, { student: who('Tom Roux'), start: hour(8, 5), policy: 'passive' });

  // The link edited to 30 min a scenario, its hash recomputed from the public code, played under it.
  const stretched = { ...session, scenarios: session.scenarios.map((s) => ({ ...s, limit: 1800 })), overall: 3 * 3600 };
  files['edited-link.json'] = playedFile(catalog, stretched, { student: who('Jade Simon'), start: hour(8, 6), policy: 'passive' });

  // Time beyond the session's: a full minute in every scenario, 3 min where 2 min 30 s are allowed.
  files['late.json'] = playedFile(catalog, session, { student: who('Paul Laurent'), start: hour(8, 7), policy: 'passive', limits: [60, 60, 60] });

  // The device's clock was set back an hour during the attempt.
  const clock = structuredClone(playedFile(catalog, session, { student: who('Emma Lefebvre'), start: hour(8, 8) }));
  clock.clock = { movedBack: [{ at: hour(8, 10), seconds: 3600 }] };
  files['clock.json'] = clock;

  // A classmate's file renamed, under another student's name.
  const lucas = playedFile(catalog, session, { student: who('Lucas Bernard'), start: hour(8, 9) });
  files['lucas.json'] = lucas;
  files['lucas-copy.json'] = { ...structuredClone(lucas), student: who('Chloé Michel') };

  // Three attempts, the third renumbered 1 (to hide the retries).
  for (const n of [1, 2, 3]) {
    const f = structuredClone(playedFile(catalog, session, { student: who('Adam Fournier'), attempt: n, start: hour(9 + n) }));
    if (n === 3) f.attempt = 1;
    files[`adam-${n}.json`] = f;
  }

  // Dates edited: the attempt "lasted" half a minute for more than two minutes of play.
  const dates = structuredClone(playedFile(catalog, session, { student: who('Louise Girard'), start: hour(8, 10) }));
  dates.endedAt = new Date(Date.parse(dates.startedAt) + 30_000).toISOString();
  files['dates.json'] = dates;

  // An action log that does not replay, claiming TS everywhere, 100 % satisfaction and 100.
  const refused = structuredClone(playedFile(catalog, session, { student: who('Sacha Bonnet'), start: hour(8, 11), policy: 'rude' }));
  refused.runs[0].actions.find((a) => a.contact !== 'desk')!.option = 'no-such-option';
  for (const r of refused.runs) {
    for (const id of Object.keys(r.levels)) r.levels[id] = 'TS';
    r.satisfaction = 100;
    r.failed = false;
  }
  refused.score = { ...refused.score, percent: 100, passed: true };
  files['refused.json'] = refused;

  files['garbage.json'] = 'PK\u0003\u0004 not json at all';

  const paths = Object.entries(files).map(([name, content]) => write(name, content));
  const sessionFile = write('session.json', { format: 'comptoir-session', token });
  const out = run(['--session', sessionFile, '--grant', 'DURAND zoe', '--json', ...paths]);
  expect(out.status, out.stderr).toBe(0);
  lines = Object.fromEntries((JSON.parse(out.stdout) as Line[]).map((l) => [l.file, l]));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run rescore: one import of genuine and tampered files', () => {
  it('passes genuine files, with their levels and score', () => {
    for (const name of ['ines.json', 'extra-granted.json', 'lucas.json']) {
      expect(lines[name], name).toMatchObject({ status: 'valid', flags: [] });
      expect(lines[name].score, name).toBeTypeOf('number');
      expect(Object.keys(lines[name].levels ?? {})).toEqual(['CP1', 'CP2', 'CP3', 'CP4', 'CP5', 'CP6']);
    }
    expect(lines['ines.json']).toMatchObject({ student: 'Inès Martin', attempt: 1, score: 100, passed: true });
  });

  it('flags a deleted scenario and gives no score', () => {
    expect(codes(lines['deleted.json'])).toEqual([`missing-scenario@${B}`]);
    expect(lines['deleted.json']).toMatchObject({ status: 'flagged' });
    expect(lines['deleted.json'].score).toBeUndefined();
  });

  it('flags a scenario played twice in place of another', () => {
    expect(codes(lines['twice.json'])).toEqual([`duplicate-scenario@${A}`, `missing-scenario@${B}`]);
    expect(lines['twice.json'].score).toBeUndefined();
  });

  it('refuses a practice run pasted in place of the timed one', () => {
    expect(codes(lines['practice.json'])).toEqual([`practice-run@${B}`]);
    expect(lines['practice.json']).toMatchObject({ status: 'refused' });
    expect(lines['practice.json'].score).toBeUndefined();
    expect(lines['practice.json'].levels).toBeUndefined();
  });

  it('flags extra time the teacher did not grant, and the time it gave', () => {
    expect(codes(lines['extra-not-granted.json'])).toEqual(
      [`time-exceeds-limit@${B}`, `time-exceeds-limit@${C}`, 'extra-time-not-granted', 'time-exceeds-session'].sort(),
    );
    expect(lines['extra-not-granted.json'].flags.find((f) => f.code === 'extra-time-not-granted')?.params).toEqual({ percent: 50 });
  });

  it('flags a session link edited to 30 minutes a scenario, checked against the teacher\u2019s session', () => {
    expect(codes(lines['edited-link.json'])).toEqual(
      [
        'session-tampered',
        `limit-exceeds-session@${A}`,
        `limit-exceeds-session@${B}`,
        `limit-exceeds-session@${C}`,
        `time-exceeds-limit@${B}`,
        `time-exceeds-limit@${C}`,
        'time-exceeds-session',
      ].sort(),
    );
  });

  it('flags more play than the session allows', () => {
    expect(codes(lines['late.json'])).toEqual(['time-exceeds-session']);
    expect(lines['late.json'].flags[0].params).toMatchObject({ limit: 150, played: 179 });
  });

  it('flags a clock set back, with the seconds', () => {
    expect(lines['clock.json'].flags).toEqual([{ code: 'clock-moved-back', params: { count: 1, seconds: 3600 } }]);
  });

  it('flags the same file twice, and a renamed copy under another name', () => {
    expect(lines['ines-again.json'].flags).toEqual([{ code: 'duplicate-file', params: { file: 'ines.json' } }]);
    expect(lines['lucas-copy.json'].flags).toEqual([{ code: 'duplicate-file', params: { file: 'lucas.json' } }]);
  });

  it('flags an attempt number edited from 3 to 1', () => {
    for (const n of [1, 2, 3]) {
      expect(lines[`adam-${n}.json`].flags).toEqual([{ code: 'attempt-number', params: { attempt: n === 3 ? 1 : n, numbers: '1, 2, 1', count: 3 } }]);
    }
  });

  it('flags dates that do not hold the acts', () => {
    expect(codes(lines['dates.json'])).toEqual(['dates-inconsistent']);
  });

  it('refuses a run whose log does not replay, and keeps none of its claims', () => {
    const l = lines['refused.json'];
    expect(l.status).toBe('refused');
    expect(codes(l)).toContain(`run-refused@${A}`);
    expect(l.levels).toBeUndefined();
    expect(l.score).toBeUndefined();
    expect(lines['garbage.json']).toMatchObject({ status: 'refused', flags: [{ code: 'not-json' }] });
  });

  it('prints one line per file without --json', () => {
    const out = run(['--session', token, join(dir, 'ines.json'), join(dir, 'deleted.json'), join(dir, 'refused.json')]);
    expect(out.status).toBe(0);
    const text = out.stdout.trim().split('\n');
    expect(text).toHaveLength(3);
    expect(text[0]).toBe('ines.json\tInès Martin (1ARCU)\tattempt 1\tvalid\t-\tCP1 TS CP2 TS CP3 TS CP4 TS CP5 TS CP6 TS\tscore 100 passed');
    expect(text[1]).toMatch(new RegExp(`^deleted\\.json\\tHugo Petit \\(1ARCU\\)\\tattempt 1\\tflagged\\tmissing-scenario@${B}\\t.*\\tno score$`));
    expect(text[2]).toMatch(/^refused\.json\tSacha Bonnet \(1ARCU\)\tattempt 1\trefused\t.*run-refused@/);
    expect(text[2].split('\t')).toHaveLength(5);
  });
});

describe('npm run rescore: the session argument and the command line', () => {
  const genuine = () => join(dir, 'ines.json');
  const statusOf = (session: string) => {
    const out = run(['--session', session, '--json', genuine()]);
    expect(out.status, out.stderr).toBe(0);
    return (JSON.parse(out.stdout) as Line[])[0].status;
  };

  it('takes a session file, a link, a token or a results file', () => {
    expect(statusOf(`https://comptoir.example/?lang=fr&session=${token}#x`)).toBe('valid');
    expect(statusOf(token)).toBe('valid');
    expect(statusOf(genuine())).toBe('valid');
    expect(statusOf(write('link.txt', `https://comptoir.example/?session=${encodeURIComponent(token)}\n`))).toBe('valid');
    // Another session as the reference: the file's session is unknown.
    const other = encodeSession({ ...session, id: 'autresession1' });
    const out = run(['--session', other, '--json', genuine()]);
    expect((JSON.parse(out.stdout) as Line[])[0].flags.map((f) => f.code)).toEqual(['unknown-session']);
  });

  it('exits 1 on a bad command line or an unreadable session, 0 otherwise', () => {
    expect(run([genuine()]).status).toBe(1);
    expect(run(['--session', token]).status).toBe(1);
    expect(run(['--session', token, join(dir, 'nowhere.json')]).status).toBe(1);
    expect(run(['--session', token, '--bogus', genuine()]).status).toBe(1);
    const [data, sum] = token.split('.');
    const forged = run(['--session', `${data.slice(0, -2)}AA.${sum}`, genuine()]);
    expect(forged.status).toBe(1);
    expect(forged.stderr).toMatch(/refused/);
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(run(['--session', join(dir, 'folder'), genuine()]).status).toBe(1);
    expect(run(['--session', token, join(dir, 'garbage.json')]).status).toBe(0);
  });
});

describe('the checks do not depend on the session picked in the class view', () => {
  const ctx = { scenarios: catalog.scenarios, rubrics: catalog.rubrics };
  const one = (name: string, c: Parameters<typeof rescoreFile>[3]) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return allFlags(rescoreFile(name, text.length, text, c)).map((f) => f.code);
  };

  it('"any session": the teacher\u2019s saved sessions are the reference', () => {
    expect(one('edited-link.json', { ...ctx, sessions: [{ def: session, grants: [] }] })).toContain('session-tampered');
    expect(one('ines.json', { ...ctx, sessions: [{ def: session, grants: [] }] })).toEqual([]);
    // Without saved sessions, a file is still held to its own link, and a practice run still refused.
    expect(one('ines.json', ctx)).toEqual([]);
    expect(one('practice.json', ctx)).toEqual(['practice-run']);
    expect(one('deleted.json', ctx)).toEqual(['missing-scenario']);
    // With the expected session picked, a file of another session says so, and is checked all the same.
    expect(one('deleted.json', { ...ctx, session: { ...session, id: 'autresession1' } })).toEqual(['foreign-session', 'missing-scenario']);
  });

  it('an attempt ended early keeps the levels of what was played but has no score, without a flag', () => {
    const f = structuredClone(playedFile(catalog, session, { student: who('Inès Martin') }));
    f.runs = f.runs.slice(0, 2);
    f.status = 'abandoned';
    f.runs[1].status = 'abandoned';
    const imported = rescoreFile('a.json', 1, JSON.stringify(f), ctx);
    expect(allFlags(imported)).toEqual([]);
    expect(imported.score).toBeUndefined();
    expect(imported.runs.map((r) => r.refused)).toEqual([false, false]);
    // "complete" with a scenario left out is flagged.
    f.status = 'complete';
    expect(allFlags(rescoreFile('a.json', 1, JSON.stringify(f), ctx)).map((x) => x.code)).toEqual(['missing-scenario']);
  });

  it('checks across files run again when the import grows, without doubling their flags', () => {
    const text = readFileSync(join(dir, 'ines.json'), 'utf8');
    const item = { name: 'a.json', size: text.length, text };
    const twice: Imported[] = rescoreImport([item, { ...item, name: 'b.json' }], ctx);
    expect(twice.map((i) => allFlags(i).map((f) => f.code))).toEqual([[], ['duplicate-file']]);
    // A lone attempt 2: the first one is missing from the import.
    const second = JSON.parse(text) as ResultsFile;
    second.attempt = 2;
    const alone = rescoreImport([{ ...item, text: JSON.stringify(second) }], ctx);
    expect(allFlags(alone[0])).toEqual([{ code: 'attempt-number', params: { attempt: 2, numbers: '2', count: 1 } }]);
  });
});

describe('every flag has words', () => {
  const load = (lng: string) => JSON.parse(readFileSync(`src/i18n/locales/${lng}/ui.json`, 'utf8')).flag as Record<string, unknown>;
  const problems: Problem['code'][] = [
    'not-object',
    'bad-field',
    'too-many-actions',
    'bad-action',
    'bad-time',
    'time-goes-back',
    'desk-after-open',
    'end-before-last-act',
    'end-after-limit',
    'other-scenario',
    'replay-refused',
    'not-finished',
  ];
  it.each(['fr', 'en'])('%s: a sentence per flag code, a reason per refusal', (lng) => {
    const flag = load(lng);
    expect(IMPORT_FLAG_CODES.filter((c) => typeof flag[c] !== 'string')).toEqual([]);
    expect(problems.filter((p) => typeof (flag.reason as Record<string, unknown>)[p] !== 'string')).toEqual([]);
    expect(JSON.stringify(flag)).not.toMatch(/sign/i);
  });
});
