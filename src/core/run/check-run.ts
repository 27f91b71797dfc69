import { type Run, replay, resultOf, type ShiftResult } from '../result';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { scenarioHash } from './hash';

/** Pseudo-contact of start-of-shift preparation (same value as the shift's DESK). */
const DESK = 'desk';

export const RUN_LIMITS = {
  actions: 2000,
  deskActions: 20,
  idLength: 100,
  /** Four hours: longer than any session a teacher can build. */
  seconds: 4 * 3600,
  /**
   * Seconds a person needs at the very least to read what the visitor said and the
   * options before the next act. A floor, not a reading model: it catches scripted
   * bursts (several acts in the same second), not a fast, well-prepared student.
   */
  minGap: 2,
} as const;

/** What a run records beside its actions (all optional in older files). */
export interface RunMeta {
  mode?: 'practice' | 'timed';
  app?: string;
  scenarioHash?: string;
  /** The time limit the run was played under (a session's, or a cut at overall time-up). */
  timeLimit?: number;
}

export type CheckedRun = Run & RunMeta;

/** Why a run is refused: a code for the interface, a sentence for the command line. */
export interface Problem {
  code:
    | 'not-object'
    | 'bad-field'
    | 'too-many-actions'
    | 'bad-action'
    | 'bad-time'
    | 'time-goes-back'
    | 'desk-after-open'
    | 'end-before-last-act'
    | 'end-after-limit'
    | 'other-scenario'
    | 'replay-refused'
    | 'not-finished';
  message: string;
  index?: number;
}

/** Not a refusal: something a teacher should look at. */
export interface Flag {
  code: 'too-fast' | 'scenario-changed';
  message: string;
  count?: number;
  at?: number;
}

const isInt = (x: unknown, min = 0, max: number = RUN_LIMITS.seconds): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= RUN_LIMITS.idLength;

/** Shape checks that need no scenario: types, sizes, times whole, non-negative and in order. */
/** A desk tool's content: at most 12 fields, each a text of at most 500 characters. */
function isToolInput(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length <= 12 && entries.every(([k, x]) => /^[a-z]{1,20}$/.test(k) && typeof x === 'string' && x.length <= 500);
}

export function checkShape(value: unknown): { run?: CheckedRun; problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (code: Problem['code'], message: string, index?: number) => (problems.push({ code, message, index }), { problems });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('not-object', 'a run is a JSON object');
  const r = value as Record<string, unknown>;
  if (!isId(r.scenario)) return fail('bad-field', '"scenario" must be a scenario id');
  if (!isInt(r.seed, 0, 2 ** 32)) return fail('bad-field', '"seed" must be a whole number ≥ 0');
  if (!isInt(r.end)) return fail('bad-field', `"end" must be a whole number of seconds between 0 and ${RUN_LIMITS.seconds}`);
  if (r.timeLimit !== undefined && !isInt(r.timeLimit)) return fail('bad-field', '"timeLimit" must be a whole number of seconds');
  if (r.mode !== undefined && r.mode !== 'practice' && r.mode !== 'timed') return fail('bad-field', '"mode" must be "practice" or "timed"');
  if (r.scenarioHash !== undefined && !isId(r.scenarioHash)) return fail('bad-field', '"scenarioHash" must be a short string');
  if (r.app !== undefined && !isId(r.app)) return fail('bad-field', '"app" must be a short string');
  if (!Array.isArray(r.actions)) return fail('bad-field', '"actions" must be a list');
  if (r.actions.length > RUN_LIMITS.actions) return fail('too-many-actions', `more than ${RUN_LIMITS.actions} actions`);
  let previous = 0;
  let desk = 0;
  let opened = false;
  for (const [i, a] of r.actions.entries()) {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return fail('bad-action', `action ${i} is not an object`, i);
    const { t, contact, option } = a as Record<string, unknown>;
    if (!isId(contact) || !isId(option)) return fail('bad-action', `action ${i} needs a "contact" and an "option" id`, i);
    const input = (a as Record<string, unknown>).input;
    if (input !== undefined && !isToolInput(input)) return fail('bad-action', `action ${i}: "input" must map field names to short texts`, i);
    if (!isInt(t)) return fail('bad-time', `action ${i}: time ${JSON.stringify(t)} is not a whole number of seconds between 0 and ${RUN_LIMITS.seconds}`, i);
    if (t < previous) return fail('time-goes-back', `action ${i}: time ${t} comes before ${previous}`, i);
    previous = t;
    if (contact === DESK) {
      if (opened || t !== 0) return fail('desk-after-open', `action ${i}: preparation ("desk") happens before the desk opens, at t = 0`, i);
      if (++desk > RUN_LIMITS.deskActions) return fail('too-many-actions', `more than ${RUN_LIMITS.deskActions} preparation actions`, i);
    } else opened = true;
  }
  if (r.end < previous) return fail('end-before-last-act', `"end" (${r.end}) is before the last action (${previous})`);
  const run: CheckedRun = {
    scenario: r.scenario,
    seed: r.seed,
    end: r.end,
    // What was typed in the tools is kept: it is scored (visitor log, message slip).
    actions: (r.actions as CheckedRun['actions']).map(({ t, contact, option, input }) => ({ t, contact, option, ...(input ? { input } : {}) })),
    ...(r.mode !== undefined && { mode: r.mode as RunMeta['mode'] }),
    ...(r.app !== undefined && { app: r.app as string }),
    ...(r.scenarioHash !== undefined && { scenarioHash: r.scenarioHash as string }),
    ...(r.timeLimit !== undefined && { timeLimit: r.timeLimit as number }),
  };
  return { run, problems };
}

/** The scenario as the run was played: a session's time limit replaces the scenario's own. */
export function asPlayed(scenario: Scenario, run: RunMeta): Scenario {
  return run.timeLimit === undefined ? scenario : { ...scenario, timeLimit: run.timeLimit };
}

/** Acts closer together than a person can read: counted, with the first time it happens. */
export function tooFast(run: Run): Flag | undefined {
  const acts = run.actions.filter((a) => a.contact !== DESK);
  let count = 0;
  let at: number | undefined;
  for (let i = 1; i < acts.length; i++) {
    if (acts[i].t - acts[i - 1].t < RUN_LIMITS.minGap) {
      count++;
      at ??= acts[i].t;
    }
  }
  return count
    ? { code: 'too-fast', count, at, message: `${count} act(s) less than ${RUN_LIMITS.minGap} s after the previous one (first at t = ${at})` }
    : undefined;
}

export type RunCheck = { ok: true; run: CheckedRun; result: ShiftResult; flags: Flag[] } | { ok: false; problems: Problem[]; flags: Flag[] };

/**
 * Everything a run must satisfy before its score is believed: its shape, then a
 * replay that must end with the shift finished exactly at `end`.
 */
export function checkRun(value: unknown, scenario: Scenario, rubric: Rubric): RunCheck {
  const { run, problems } = checkShape(value);
  if (!run) return { ok: false, problems, flags: [] };
  const flags: Flag[] = [];
  const fast = tooFast(run);
  if (fast) flags.push(fast);
  if (run.scenarioHash && run.scenarioHash !== scenarioHash(scenario)) {
    flags.push({ code: 'scenario-changed', message: 'the scenario has changed since this run was played; it is re-scored on the current version' });
  }
  const refuse = (code: Problem['code'], message: string): RunCheck => ({ ok: false, problems: [{ code, message }], flags });
  if (run.scenario !== scenario.id) return refuse('other-scenario', `the run is for scenario "${run.scenario}", not "${scenario.id}"`);
  const played = asPlayed(scenario, run);
  if (run.end > played.timeLimit) return refuse('end-after-limit', `"end" (${run.end}) is after the time limit (${played.timeLimit})`);
  let shift: ReturnType<typeof replay>;
  try {
    shift = replay(played, rubric, run);
  } catch (err) {
    return refuse('replay-refused', (err as Error).message);
  }
  if (!shift.finished || shift.now !== run.end) {
    return refuse(
      'not-finished',
      `at "end" (${run.end}) the shift is not over (clock ${shift.now}, limit ${played.timeLimit}): a run must stop when its shift ends`,
    );
  }
  return { ok: true, run, result: resultOf(shift), flags };
}
