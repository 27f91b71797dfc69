import { z } from 'zod';
import type { Run, ShiftResult } from '../result';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { verdictOf } from '../scoring/verdict';
import { acrossFiles, clockFlags, completeness, granted, sameDefinition, timing } from './attempt-checks';
import { checkRun } from './check-run';
import { type Levels, situationScore } from './grade';
import { hash, stableJson } from './hash';
import { MAX_FILE_BYTES, RESULTS_FORMAT, RESULTS_VERSION, type RunStatus } from './results-file';
import { decodeSession, type SavedSession, type SessionDef, scenarioSeconds } from './session-def';

const short = z.string().max(200);
const LevelOrNull = z.enum(['TI', 'I', 'S', 'TS']).nullable();

/**
 * A results file's envelope; each run's own fields are checked by checkShape, each with its
 * own message. Here, not in results-file.ts: the student's side writes results files and
 * must not load zod.
 */
const ResultsEnvelope = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.number(),
  app: short,
  session: z.object({ id: short, name: short, seed: z.number().int(), token: z.string().max(8000) }),
  student: z.object({ name: short, group: short }),
  attempt: z.number().int().min(1).max(1000),
  extraTime: z.boolean(),
  startedAt: short,
  endedAt: short,
  status: z.enum(['complete', 'abandoned', 'overall-timeout']),
  score: z.object({ percent: z.number(), passed: z.boolean(), threshold: z.number() }),
  runs: z
    .array(
      z
        .object({
          scenario: short,
          status: z.enum(['complete', 'timeout', 'abandoned', 'overall-timeout']),
          startedAt: short,
          levels: z.record(z.string().max(20), LevelOrNull),
          satisfaction: z.number(),
        })
        .loose(),
    )
    .max(20),
  clock: z
    .object({
      movedBack: z
        .array(
          z.object({
            at: short,
            seconds: z
              .number()
              .min(0)
              .max(10 * 365 * 86400),
          }),
        )
        .max(1000),
    })
    .optional(),
});

/** Every reason a file or a run is flagged; each has a sentence under `flag.` in the interface. */
export const IMPORT_FLAG_CODES = [
  'too-large',
  'not-json',
  'not-results',
  'unknown-version',
  'session-tampered',
  'unknown-session',
  'foreign-session',
  'foreign-seed',
  'extra-time-not-granted',
  'html-in-name',
  'score-changed',
  'missing-scenario',
  'duplicate-scenario',
  'scenario-order',
  'foreign-scenario',
  'unknown-scenario',
  'practice-run',
  'limit-exceeds-session',
  'time-exceeds-limit',
  'time-exceeds-session',
  'dates-inconsistent',
  'clock-moved-back',
  'run-refused',
  'level-changed',
  'satisfaction-changed',
  'too-fast',
  'scenario-changed',
  'duplicate-file',
  'attempt-number',
] as const;

/** Something the teacher should see about a file or a run; `code` names the sentence, `params` fill it. */
export interface ImportFlag {
  code: (typeof IMPORT_FLAG_CODES)[number];
  params: Record<string, string | number>;
}

export interface ImportedRun {
  scenario: string;
  status: RunStatus;
  /**
   * The run's result could not be believed (its action log refused, a practice run, a
   * scenario this game does not know): it keeps no claims, no levels, no satisfaction.
   */
  refused: boolean;
  /** Recomputed from the action log; {} when the run was refused. */
  levels: Levels;
  satisfaction: number | null;
  end: number;
  result?: ShiftResult;
  /** The situation failed whatever its levels (recomputed; false when the run was refused). */
  failed: boolean;
  flags: ImportFlag[];
}

export interface Imported {
  file: string;
  /** The file could not be read as results at all: no row for it. */
  refused: boolean;
  flags: ImportFlag[];
  student?: { name: string; group: string };
  session?: { id: string; name: string; seed: number };
  attempt?: number;
  extraTime?: boolean;
  status?: 'complete' | 'abandoned' | 'overall-timeout';
  startedAt?: string;
  endedAt?: string;
  /**
   * Recomputed, and only for a whole attempt: every scenario of the session once, every
   * run replayed. Undefined when a run was refused or a scenario is missing.
   */
  score?: number;
  /** Recomputed: the pass mark reached and no situation failed (undefined with the score). */
  passed?: boolean;
  runs: ImportedRun[];
  /** Session, start and acts: the same attempt whatever its file name, student or number say (checks across files). */
  fingerprint?: string;
}

export interface RescoreContext {
  scenarios: readonly Scenario[];
  rubrics: ReadonlyMap<string, Rubric>;
  /** The session the teacher picked: a file of another one is flagged; the checks themselves use each file's own session. */
  session?: SessionDef;
  /**
   * The teacher's saved sessions, the reference each file is checked against (its link
   * must be the same, its extra time granted). With any, a file of another session is flagged.
   */
  sessions?: readonly SavedSession[];
}

const HTML = /<\s*[a-z!/?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

export function allFlags(i: Imported): ImportFlag[] {
  return [...i.flags, ...i.runs.flatMap((r) => r.flags)];
}

/** One word for a file, as the class table and `npm run rescore` say it. */
export function fileState(i: Imported): 'valid' | 'flagged' | 'refused' {
  if (i.refused || i.runs.some((r) => r.refused)) return 'refused';
  return allFlags(i).length ? 'flagged' : 'valid';
}

/**
 * Reads one results file and re-scores every run from its action log. Never throws:
 * whatever is wrong becomes a flag, so one bad file never stops the others. Checks that
 * need the other files of the import (copies, attempt numbers) are rescoreImport's.
 */
export function rescoreFile(file: string, size: number, text: string, ctx: RescoreContext): Imported {
  const out: Imported = { file, refused: true, flags: [], runs: [] };
  const flag = (code: ImportFlag['code'], params: ImportFlag['params'] = {}) => out.flags.push({ code, params });
  if (size > MAX_FILE_BYTES) {
    flag('too-large', { mb: Math.round(size / 1e5) / 10 });
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    flag('not-json');
    return out;
  }
  const envelope = ResultsEnvelope.safeParse(value);
  if (!envelope.success) {
    const v = value as { format?: unknown; version?: unknown } | null;
    if (v?.format === 'comptoir-results' && v.version !== RESULTS_VERSION) {
      flag('unknown-version', { version: String(v.version) });
      return out;
    }
    const issue = envelope.error.issues[0];
    flag('not-results', { where: issue?.path.join('.') || '-' });
    return out;
  }
  const f = envelope.data;
  if (f.version !== RESULTS_VERSION) {
    flag('unknown-version', { version: f.version });
    return out;
  }
  out.refused = false;
  Object.assign(out, {
    student: f.student,
    session: { id: f.session.id, name: f.session.name, seed: f.session.seed },
    attempt: f.attempt,
    extraTime: f.extraTime,
    status: f.status,
    startedAt: f.startedAt,
    endedAt: f.endedAt,
  });
  const raw = (value as { runs: unknown[] }).runs;
  const pick = (r: unknown) => (r && typeof r === 'object' ? [(r as Run).scenario, (r as Run).end, (r as Run).actions] : r);
  out.fingerprint = hash(stableJson([f.session.id, f.startedAt, raw.map(pick)]));
  if (HTML.test(f.student.name) || HTML.test(f.student.group)) flag('html-in-name');

  // The reference: the teacher's saved session of that id, else the one picked, else the file's own link.
  const decoded = decodeSession(f.session.token);
  const own = 'session' in decoded ? decoded.session : undefined;
  const saved = ctx.sessions?.find((s) => s.def.id === f.session.id);
  if (ctx.sessions?.length && !saved) flag('unknown-session', { session: f.session.name });
  const reference = saved?.def ?? (ctx.session?.id === f.session.id ? ctx.session : own);
  if (!own || own.id !== f.session.id || own.seed !== f.session.seed || own.extra !== f.extraTime || (reference && !sameDefinition(own, reference))) {
    flag('session-tampered');
  }
  if (ctx.session && f.session.id !== ctx.session.id) flag('foreign-session', { session: f.session.name });
  // The file's link decides the limits the runs claim; the teacher's grant, the time allowed.
  const ref = reference && { ...reference, extra: f.extraTime };
  const extraAllowed = f.extraTime && (!saved || granted(saved, f.student));
  if (f.extraTime && saved && !extraAllowed) flag('extra-time-not-granted', { percent: saved.def.extraPercent });
  if (ref && f.session.seed !== ref.seed) flag('foreign-seed', { seed: f.session.seed, expected: ref.seed });

  out.runs = f.runs.map((stored, i) => rescoreRun(raw[i], stored, ctx, ref, extraAllowed));
  out.flags.push(...clockFlags(f.clock));
  let whole = false;
  if (ref) {
    const c = completeness(ref, f.runs, f.status);
    // Times as replayed (a refused run counts none: it has no row of its own anyway).
    const runs = out.runs.map((r, i) => ({ startedAt: f.runs[i].startedAt, end: r.end }));
    out.flags.push(...c.flags, ...timing(ref, extraAllowed, { startedAt: f.startedAt, endedAt: f.endedAt, runs }));
    whole = c.complete && !out.runs.some((r) => r.refused);
  }
  if (whole && ref) {
    const score = situationScore(out.runs, ref.threshold);
    out.score = score.percent;
    out.passed = score.passed;
    if (out.score !== f.score.percent) flag('score-changed', { stored: f.score.percent, now: out.score });
  }
  return out;
}

/**
 * Every file of one import, re-scored, then checked against each other: the same
 * attempt twice, attempt numbers with gaps, repeats or out of date order. The class
 * view and `npm run rescore` both call this with all the files at once.
 */
export function rescoreImport(files: readonly { name: string; size: number; text: string }[], ctx: RescoreContext): Imported[] {
  return checkImport(files.map((f) => rescoreFile(f.name, f.size, f.text, ctx)));
}

const ACROSS = new Set<ImportFlag['code']>(['duplicate-file', 'attempt-number']);

/** The checks across files on files already re-scored (a new copy each; run again after adding files, it replaces its own flags). */
export function checkImport(list: readonly Imported[]): Imported[] {
  const across = acrossFiles(list);
  return list.map((it, i) => ({ ...it, flags: [...it.flags.filter((f) => !ACROSS.has(f.code)), ...across[i]] }));
}

function rescoreRun(
  raw: unknown,
  stored: { scenario: string; status: RunStatus; levels: Levels; satisfaction: number },
  ctx: RescoreContext,
  session: SessionDef | undefined,
  extraAllowed: boolean,
): ImportedRun {
  // Nothing of the file's claims is kept until the replay confirms it.
  const run: ImportedRun = {
    scenario: stored.scenario,
    status: stored.status,
    refused: true,
    levels: {},
    satisfaction: null,
    end: 0,
    failed: false,
    flags: [],
  };
  const flag = (code: ImportFlag['code'], params: ImportFlag['params'] = {}) => run.flags.push({ code, params: { scenario: stored.scenario, ...params } });
  const scenario = ctx.scenarios.find((s) => s.id === stored.scenario);
  const rubric = scenario && ctx.rubrics.get(scenario.rubric);
  if (!scenario || !rubric) {
    flag('unknown-scenario', { scenario: stored.scenario });
    return run;
  }
  const index = session?.scenarios.findIndex((s) => s.id === scenario.id) ?? -1;
  if (session && index < 0) flag('foreign-scenario', { scenario: scenario.id });
  // A practice run (hints, pause, retries) pasted in is refused whatever its log says.
  const mode = raw && typeof raw === 'object' ? (raw as { mode?: unknown }).mode : undefined;
  if (mode !== 'timed') {
    flag('practice-run', { mode: typeof mode === 'string' ? mode.slice(0, 20) : '-' });
    return run;
  }
  const check = checkRun(raw, scenario, rubric);
  for (const f of check.flags) flag(f.code, { count: f.count ?? 0, at: f.at ?? 0 });
  if (!check.ok) {
    const p = check.problems[0];
    flag('run-refused', { reason: p.message, problem: p.code, ...(p.index !== undefined && { index: p.index }) });
    return run;
  }
  const { result } = check;
  run.refused = false;
  run.result = result;
  run.end = result.end;
  run.levels = Object.fromEntries(Object.entries(result.criteria).map(([id, c]) => [id, c.level]));
  run.satisfaction = result.satisfaction.score;
  run.failed = verdictOf(result).failed;
  if (session && session.seed !== check.run.seed) flag('foreign-seed', { seed: check.run.seed, expected: session.seed });
  if (session && index >= 0) {
    const limit = check.run.timeLimit ?? scenario.timeLimit;
    const claimed = scenarioSeconds(session, index);
    if (limit > claimed) flag('limit-exceeds-session', { limit, allowed: claimed });
    const allowed = scenarioSeconds({ ...session, extra: extraAllowed }, index);
    if (result.end > allowed) flag('time-exceeds-limit', { seconds: result.end, limit: allowed });
  }
  for (const id of new Set([...Object.keys(run.levels), ...Object.keys(stored.levels)])) {
    if ((stored.levels[id] ?? null) !== (run.levels[id] ?? null))
      flag('level-changed', { criterion: id, stored: stored.levels[id] ?? '-', now: run.levels[id] ?? '-' });
  }
  if (stored.satisfaction !== run.satisfaction) flag('satisfaction-changed', { stored: stored.satisfaction, now: run.satisfaction });
  return run;
}
