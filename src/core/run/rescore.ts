import { z } from 'zod';
import type { ShiftResult } from '../result';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { verdictOf } from '../scoring/verdict';
import { checkRun } from './check-run';
import { type Levels, situationScore } from './grade';
import { MAX_FILE_BYTES, RESULTS_FORMAT, RESULTS_VERSION, type RunStatus } from './results-file';
import { decodeSession, type SessionDef, scenarioSeconds } from './session-def';

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
});

/** Something the teacher should see about a file or a run; `code` names the sentence, `params` fill it. */
export interface ImportFlag {
  code:
    | 'too-large'
    | 'not-json'
    | 'not-results'
    | 'unknown-version'
    | 'session-tampered'
    | 'foreign-session'
    | 'foreign-seed'
    | 'html-in-name'
    | 'score-changed'
    | 'foreign-scenario'
    | 'unknown-scenario'
    | 'limit-exceeds-session'
    | 'run-refused'
    | 'level-changed'
    | 'satisfaction-changed'
    | 'too-fast'
    | 'scenario-changed';
  params: Record<string, string | number>;
}

export interface ImportedRun {
  scenario: string;
  status: RunStatus;
  /** Recomputed from the action log (the stored ones when the run was refused). */
  levels: Levels;
  satisfaction: number | null;
  end: number;
  result?: ShiftResult;
  /** The situation failed whatever its levels (recomputed; the stored claim when the run was refused). */
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
  score?: number;
  /** Recomputed: the pass mark reached and no situation failed. */
  passed?: boolean;
  runs: ImportedRun[];
}

export interface RescoreContext {
  scenarios: readonly Scenario[];
  rubrics: ReadonlyMap<string, Rubric>;
  /** The session the teacher is collecting; without it each file is checked against its own. */
  session?: SessionDef;
}

const HTML = /<\s*[a-z!/?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

export function allFlags(i: Imported): ImportFlag[] {
  return [...i.flags, ...i.runs.flatMap((r) => r.flags)];
}

/**
 * Reads one results file and re-scores every run from its action log. Never throws:
 * whatever is wrong becomes a flag, so one bad file never stops the others.
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
  if (HTML.test(f.student.name) || HTML.test(f.student.group)) flag('html-in-name');

  const own = decodeSession(f.session.token);
  const session = 'session' in own ? own.session : undefined;
  if (!session || session.id !== f.session.id || session.seed !== f.session.seed || session.extra !== f.extraTime) flag('session-tampered');
  const expected = ctx.session ?? session;
  if (ctx.session && f.session.id !== ctx.session.id) flag('foreign-session', { session: f.session.name });
  if (expected && f.session.seed !== expected.seed) flag('foreign-seed', { seed: f.session.seed, expected: expected.seed });

  const raw = (value as { runs: unknown[] }).runs;
  out.runs = f.runs.map((stored, i) => rescoreRun(raw[i], stored, ctx, expected, f.extraTime));
  const score = situationScore(out.runs, expected?.threshold ?? f.score.threshold);
  out.score = score.percent;
  out.passed = score.passed;
  if (out.score !== f.score.percent) flag('score-changed', { stored: f.score.percent, now: out.score });
  return out;
}

function rescoreRun(
  raw: unknown,
  stored: { scenario: string; status: RunStatus; levels: Levels; satisfaction: number; failed?: unknown },
  ctx: RescoreContext,
  session: SessionDef | undefined,
  extra: boolean,
): ImportedRun {
  const run: ImportedRun = {
    scenario: stored.scenario,
    status: stored.status,
    levels: stored.levels,
    satisfaction: null,
    end: 0,
    failed: stored.failed === true,
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
  const check = checkRun(raw, scenario, rubric);
  for (const f of check.flags) flag(f.code, { count: f.count ?? 0, at: f.at ?? 0 });
  if (!check.ok) {
    const p = check.problems[0];
    flag('run-refused', { reason: p.message });
    return run;
  }
  const { result } = check;
  run.result = result;
  run.end = result.end;
  run.levels = Object.fromEntries(Object.entries(result.criteria).map(([id, c]) => [id, c.level]));
  run.satisfaction = result.satisfaction.score;
  run.failed = verdictOf(result).failed;
  if (session && session.seed !== check.run.seed) flag('foreign-seed', { seed: check.run.seed, expected: session.seed });
  if (session && index >= 0 && (check.run.timeLimit ?? scenario.timeLimit) > scenarioSeconds({ ...session, extra }, index)) {
    flag('limit-exceeds-session', { limit: check.run.timeLimit ?? scenario.timeLimit });
  }
  for (const id of new Set([...Object.keys(run.levels), ...Object.keys(stored.levels)])) {
    if ((stored.levels[id] ?? null) !== (run.levels[id] ?? null))
      flag('level-changed', { criterion: id, stored: stored.levels[id] ?? '-', now: run.levels[id] ?? '-' });
  }
  if (stored.satisfaction !== run.satisfaction) flag('satisfaction-changed', { stored: stored.satisfaction, now: run.satisfaction });
  return run;
}
