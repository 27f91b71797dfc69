import { stableJson } from './hash';
import type { ImportFlag } from './rescore';
import type { SavedSession, SessionDef } from './session-def';
import { overallSeconds } from './session-time';

// Checks of one attempt against its session (completeness, time, dates) and of a whole
// import (duplicates, attempt numbers). Pure: dates are read from the file, never from a clock.

/** Seconds the wall-clock dates of a file may be off (rounding, a cut that counts its last second, one per run). */
export const DATE_TOLERANCE = { base: 5, perRun: 1 } as const;

/**
 * Wall-clock time an attempt may take beyond the session's own time: the session clock
 * runs only while a desk is open, so preparation, the debriefs and the end screen come on
 * top. Beyond it, something stretched the time (a clock set back, an attempt resumed later).
 */
export const SPAN_MARGIN = { base: 10 * 60, perScenario: 5 * 60 } as const;

/** A person's name as a comparable key: case, accents, spacing and word order left out. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** The teacher handed this student the extra-time link (a grant names the student as they type their name, maybe with the class). */
export function granted(saved: SavedSession, student: { name: string; group: string }): boolean {
  const name = nameKey(student.name);
  const withGroup = nameKey(`${student.name} ${student.group}`);
  return saved.grants.some((g) => g.extra !== false && (nameKey(g.student) === name || nameKey(g.student) === withGroup));
}

/** The teacher's saved session as the reference: the link in the file, the extra-time flag aside, must be the same. */
export function sameDefinition(a: SessionDef, b: SessionDef): boolean {
  return stableJson({ ...a, extra: false }) === stableJson({ ...b, extra: false });
}

/**
 * Each scenario of the session exactly once, in the session's order. Scenarios after the
 * last one played are "not reached" when the attempt was abandoned or its time ran out:
 * not a flag (the status says it), but the attempt is incomplete all the same.
 */
export function completeness(
  ref: SessionDef,
  runs: readonly { scenario: string }[],
  status: 'complete' | 'abandoned' | 'overall-timeout',
): { flags: ImportFlag[]; complete: boolean } {
  const flags: ImportFlag[] = [];
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.scenario, (counts.get(r.scenario) ?? 0) + 1);
  for (const [scenario, count] of counts) {
    if (count > 1 && ref.scenarios.some((s) => s.id === scenario)) flags.push({ code: 'duplicate-scenario', params: { scenario, count } });
  }
  const indices = runs.map((r) => ref.scenarios.findIndex((s) => s.id === r.scenario));
  const lastPlayed = Math.max(-1, ...indices);
  let missing = 0;
  ref.scenarios.forEach((s, i) => {
    if (counts.has(s.id)) return;
    missing++;
    if (status === 'complete' || i < lastPlayed) flags.push({ code: 'missing-scenario', params: { scenario: s.id } });
  });
  const firsts = indices.filter((x, i) => x >= 0 && indices.indexOf(x) === i);
  if (firsts.some((x, i) => i > 0 && x < firsts[i - 1])) flags.push({ code: 'scenario-order', params: {} });
  const foreign = indices.some((x) => x < 0);
  return { flags, complete: !missing && !foreign && runs.length === ref.scenarios.length };
}

const parse = (iso: string) => {
  // Only full ISO dates: Date.parse reads far more than a results file ever writes.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(iso)) return Number.NaN;
  return Date.parse(iso);
};

/**
 * The time an attempt took, from its acts and from its dates: all the runs' shift time
 * within the session's time; the file's start and end around its runs, in order, no
 * shorter than the acts and no longer than the session allows with its margin.
 */
export function timing(
  ref: SessionDef,
  extra: boolean,
  f: { startedAt: string; endedAt: string; runs: readonly { startedAt: string; end: number }[] },
): ImportFlag[] {
  const flags: ImportFlag[] = [];
  const limit = overallSeconds({ ...ref, extra });
  const played = f.runs.reduce((s, r) => s + r.end, 0);
  const tolerance = DATE_TOLERANCE.base + DATE_TOLERANCE.perRun * f.runs.length;
  const started = parse(f.startedAt);
  const ended = parse(f.endedAt);
  const runStarts = f.runs.map((r) => parse(r.startedAt));
  // Each act happened at its run's desk opening plus its shift time (ms → s below).
  const lastAct = Math.max(ended, ...f.runs.map((r, i) => runStarts[i] + r.end * 1000));
  const span = (lastAct - started) / 1000;
  const round = (s: number) => Math.round(s);
  let consistent = Number.isFinite(started) && Number.isFinite(ended) && ended >= started && runStarts.every(Number.isFinite);
  if (consistent) {
    if ((ended - started) / 1000 + tolerance < played) consistent = false;
    f.runs.forEach((r, i) => {
      const from = runStarts[i];
      const to = from + r.end * 1000;
      if (from < started - tolerance * 1000 || to > ended + tolerance * 1000) consistent = false;
      if (i > 0 && from < runStarts[i - 1] + f.runs[i - 1].end * 1000 - tolerance * 1000) consistent = false;
    });
  }
  if (!consistent) flags.push({ code: 'dates-inconsistent', params: { started: f.startedAt, ended: f.endedAt, played } });
  const margin = SPAN_MARGIN.base + SPAN_MARGIN.perScenario * ref.scenarios.length;
  const spanTooLong = Number.isFinite(span) && span > limit + margin;
  if (played > limit + tolerance || spanTooLong) {
    flags.push({ code: 'time-exceeds-session', params: { limit, played, span: Number.isFinite(span) ? round(span) : '?', margin } });
  }
  return flags;
}

/** What a wall clock that went back during the attempt adds up to (the student's device recorded it). */
export function clockFlags(clock: { movedBack: readonly { seconds: number }[] } | undefined): ImportFlag[] {
  const moves = clock?.movedBack ?? [];
  if (!moves.length) return [];
  return [{ code: 'clock-moved-back', params: { count: moves.length, seconds: Math.round(moves.reduce((s, m) => s + Math.max(0, m.seconds), 0)) } }];
}

/** The fields a check across files needs from each re-scored file. */
export interface ImportItem {
  file: string;
  refused: boolean;
  /** Session, start and acts: the same attempt whatever its file name, student name or number say. */
  fingerprint?: string;
  session?: { id: string };
  student?: { name: string; group: string };
  attempt?: number;
  startedAt?: string;
}

const studentKey = (s: { name: string; group: string }) => `${nameKey(s.name)}\u0000${nameKey(s.group)}`;

/**
 * Checks across one import: the same attempt twice (the same file, a renamed copy, a
 * classmate's attempt under another name: each later file is flagged and names the first),
 * and each student's attempt numbers in a session being 1…n, in the order of their dates.
 * Returns the flags per file, by index.
 */
export function acrossFiles(items: readonly ImportItem[]): ImportFlag[][] {
  const flags: ImportFlag[][] = items.map(() => []);
  const firstOf = new Map<string, number>();
  const copies = new Set<number>();
  items.forEach((it, i) => {
    if (it.refused || !it.fingerprint) return;
    const first = firstOf.get(it.fingerprint);
    if (first === undefined) firstOf.set(it.fingerprint, i);
    else {
      copies.add(i);
      flags[i].push({ code: 'duplicate-file', params: { file: items[first].file } });
    }
  });
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.refused || copies.has(i) || !it.session || !it.student || it.attempt === undefined) return;
    const key = `${it.session.id}\u0000${studentKey(it.student)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    const byDate = [...members].sort((a, b) => {
      const d = parse(items[a].startedAt ?? '') - parse(items[b].startedAt ?? '');
      return Number.isNaN(d) ? 0 : d || (items[a].attempt ?? 0) - (items[b].attempt ?? 0);
    });
    const numbers = byDate.map((i) => items[i].attempt ?? 0);
    if (numbers.every((n, k) => n === k + 1)) continue;
    for (const i of members)
      flags[i].push({ code: 'attempt-number', params: { attempt: items[i].attempt ?? 0, numbers: numbers.join(', '), count: numbers.length } });
  }
  return flags;
}
