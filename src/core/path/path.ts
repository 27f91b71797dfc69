/**
 * The student's path (parcours): the shipped scenarios from difficulty 1 to 5, as the
 * référentiel's training progression asks — « de calmes et conciliants jusqu'à impatients
 * et mécontents » (ARCU, A2 training situations) — and, within a level, face to face first,
 * then the phone, then both at once (a mixed desk).
 *
 * Pure: it takes the catalog and the history records and returns levels, which are open,
 * the best result per scenario, what to replay and the next step. Computed from the
 * catalog every time, never from a list of ids, so new scenarios take their place.
 */
import { LEVEL_ORDER, LEVEL_VALUE, type Level, type Levels, situationScore } from '../run/grade';

export type PathChannel = 'face' | 'phone' | 'mixed';

/** What the path needs of a scenario (a menu card is enough). */
export interface PathScenario {
  id: string;
  difficulty: number;
  channel: PathChannel;
  /** Minutes: the shorter first within a level and a channel. */
  duration?: number;
}

/** One play as the history store keeps it. `failed` is absent in records written before it existed. */
export interface PathRecord {
  scenario: string;
  levels: Levels;
  failed?: boolean;
  at?: string;
}

export interface BestResult {
  /** The situation's score (grade.ts situationScore, usual pass mark): held under the mark when it failed. */
  percent: number;
  passed: boolean;
  /** The mean of the assessed criteria, rounded down as the class table does; null when nothing was assessed. */
  level: Level | null;
  /** How many times the scenario was played. */
  plays: number;
  at?: string;
}

/**
 * `new`: never played; `replay`: played but the best result failed or is below S
 * (satisfaisant); `done`: passed at S or better.
 */
export type StepStatus = 'new' | 'replay' | 'done';

export interface PathStep {
  id: string;
  channel: PathChannel;
  status: StepStatus;
  best: BestResult | null;
}

export interface PathLevel {
  difficulty: number;
  steps: PathStep[];
  open: boolean;
  /** Scenarios of this level whose best result passed (situation score). */
  passed: number;
  /** Passes in this level that open the next one. */
  need: number;
  /** For a locked level: the level whose passes open it, and how many more are wanted. */
  opensAfter?: { difficulty: number; missing: number };
}

export interface Path {
  levels: PathLevel[];
  /** How many passes of a level open the next (or all of its scenarios when it has fewer). */
  unlockCount: number;
  openAll: boolean;
}

export interface PathOptions {
  /** Teacher view: every level open. */
  openAll?: boolean;
  /** Passes of a level that open the next one (default 3). */
  unlockCount?: number;
}

export const UNLOCK_COUNT = 3;
const CHANNEL_ORDER: Record<PathChannel, number> = { face: 0, phone: 1, mixed: 2 };

/** Difficulty, then face, phone, mixed, then the shorter, then by id (the same order on every device and language). */
export function pathOrder<T extends PathScenario>(scenarios: readonly T[]): T[] {
  return [...scenarios].sort(
    (a, b) =>
      a.difficulty - b.difficulty ||
      CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel] ||
      (a.duration ?? 0) - (b.duration ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** One level for a play: the mean of its assessed criteria, rounded down (S and TS give S). */
export function runLevel(levels: Levels): Level | null {
  const values = Object.values(levels).filter((l): l is Level => !!l && l in LEVEL_VALUE);
  if (!values.length) return null;
  const mean = values.reduce((s, l) => s + LEVEL_VALUE[l], 0) / values.length;
  return LEVEL_ORDER[Math.min(3, Math.floor(mean + 1e-9))];
}

/** A play's result: passed as the debrief says it (a failed situation never passes). */
export function recordResult(r: PathRecord): Omit<BestResult, 'plays'> {
  const score = situationScore([{ levels: r.levels, failed: r.failed }]);
  return { percent: score.percent, passed: score.passed, level: runLevel(r.levels), ...(r.at ? { at: r.at } : {}) };
}

const better = (a: Omit<BestResult, 'plays'>, b: Omit<BestResult, 'plays'>) =>
  Number(a.passed) - Number(b.passed) || a.percent - b.percent || (a.level ? LEVEL_VALUE[a.level] : -1) - (b.level ? LEVEL_VALUE[b.level] : -1);

/** The best play of each scenario: passed before failed, then the higher score, then the higher level; the first of equals. */
export function bestResults(records: readonly PathRecord[]): Map<string, BestResult> {
  const out = new Map<string, BestResult>();
  for (const r of records) {
    const result = recordResult(r);
    const known = out.get(r.scenario);
    if (!known) out.set(r.scenario, { ...result, plays: 1 });
    else out.set(r.scenario, better(result, known) > 0 ? { ...result, plays: known.plays + 1 } : { ...known, plays: known.plays + 1 });
  }
  return out;
}

export function stepStatus(best: BestResult | null | undefined): StepStatus {
  if (!best) return 'new';
  return best.passed && best.level !== null && LEVEL_VALUE[best.level] >= LEVEL_VALUE.S ? 'done' : 'replay';
}

/**
 * The path over the catalog. Levels are the difficulties that have scenarios (an empty
 * difficulty is skipped: the next level opens from the one before it). The first level is
 * open; any other opens once `unlockCount` scenarios of the level before it have passed
 * (all of them when it has fewer) — passes from free play and assessments count too.
 * Records of scenarios not in the catalog (a teacher's own file) are left out.
 */
export function buildPath(scenarios: readonly PathScenario[], records: readonly PathRecord[], options: PathOptions = {}): Path {
  const unlockCount = Math.max(1, options.unlockCount ?? UNLOCK_COUNT);
  const best = bestResults(records);
  const ordered = pathOrder(scenarios);
  const difficulties = [...new Set(ordered.map((s) => s.difficulty))];
  const levels: PathLevel[] = [];
  for (const difficulty of difficulties) {
    const steps = ordered
      .filter((s) => s.difficulty === difficulty)
      .map((s) => {
        const b = best.get(s.id) ?? null;
        return { id: s.id, channel: s.channel, status: stepStatus(b), best: b };
      });
    const passed = steps.filter((s) => s.best?.passed).length;
    const need = Math.min(unlockCount, steps.length);
    const before = levels.at(-1);
    const open = !!options.openAll || !before || before.passed >= before.need;
    levels.push({
      difficulty,
      steps,
      open,
      passed,
      need,
      ...(open || !before ? {} : { opensAfter: { difficulty: before.difficulty, missing: before.need - before.passed } }),
    });
  }
  return { levels, unlockCount, openAll: !!options.openAll };
}

export interface NextStep {
  id: string;
  /** `replay`: the one just played or one to do again; `play`: a scenario not played yet. */
  kind: 'play' | 'replay';
  difficulty: number;
}

/**
 * What to play next, from the path:
 * 1. the scenario just played, again, when its best result is still to replay;
 * 2. else the first scenario not played yet in an open level, in path order;
 * 3. else the first one to replay in an open level;
 * null when every open level is done.
 */
export function nextStep(path: Path, justPlayed?: string): NextStep | null {
  const all = path.levels.flatMap((l) => l.steps.map((s) => ({ step: s, level: l })));
  const current = justPlayed ? all.find((x) => x.step.id === justPlayed) : undefined;
  if (current?.step.status === 'replay') return { id: current.step.id, kind: 'replay', difficulty: current.level.difficulty };
  const open = all.filter((x) => x.level.open);
  const fresh = open.find((x) => x.step.status === 'new');
  if (fresh) return { id: fresh.step.id, kind: 'play', difficulty: fresh.level.difficulty };
  const again = open.find((x) => x.step.status === 'replay');
  return again ? { id: again.step.id, kind: 'replay', difficulty: again.level.difficulty } : null;
}

/** Levels the last record opened (for "Level 2 is open!" on the debrief). */
export function levelsOpenedBy(scenarios: readonly PathScenario[], records: readonly PathRecord[], options: PathOptions = {}): number[] {
  if (!records.length) return [];
  const before = buildPath(scenarios, records.slice(0, -1), options);
  const after = buildPath(scenarios, records, options);
  return after.levels.filter((l, i) => l.open && !before.levels[i].open).map((l) => l.difficulty);
}

/** The steps to replay (failed or below S), in path order, open levels only. */
export function toReplay(path: Path): PathStep[] {
  return path.levels.filter((l) => l.open).flatMap((l) => l.steps.filter((s) => s.status === 'replay'));
}
