import type { SessionDef } from './session-def';

// Kept apart from session-def.ts (its zod schema): the student's screens need the clocks
// at start-up, and zod stays out of the first screen (npm run bench, "first screen").

/** Seconds a student has for one scenario, extra time included. */
export function scenarioSeconds(def: SessionDef, index: number): number {
  return Math.floor(def.scenarios[index].limit * (def.extra ? 1 + def.extraPercent / 100 : 1));
}

export function overallSeconds(def: SessionDef): number {
  return Math.floor(def.overall * (def.extra ? 1 + def.extraPercent / 100 : 1));
}

/**
 * The session's time is shift time: it runs while a desk is open (the welcome says so),
 * not during preparation or between scenarios. Finished scenarios count their `end`.
 */
export function overallElapsed(runs: readonly { end: number }[], live = 0): number {
  return runs.reduce((s, r) => s + r.end, 0) + live;
}

/** A wall clock seen going back by less than this (ms) is drift or a resync, not a move. */
export const CLOCK_TOLERANCE_MS = 2000;

/**
 * Shift seconds elapsed when a page comes back to an open desk: what was stored at the
 * last save, plus what the wall clock says passed since (time while closed counts), never
 * less than stored. A wall clock now behind the save gives nothing back and is reported.
 */
export function resumedElapsed(stored: { elapsed: number; savedAt: number }, wallNow: number, speed: number): { elapsed: number; movedBack?: number } {
  const since = wallNow - stored.savedAt;
  const elapsed = stored.elapsed + Math.floor((Math.max(0, since) / 1000) * speed);
  return since < -CLOCK_TOLERANCE_MS ? { elapsed, movedBack: Math.round(-since / 1000) } : { elapsed };
}

/**
 * While a page lives, the wall clock should move as the monotonic one does; a wall clock
 * that moved less, by more than the tolerance, was set back (seconds), else undefined.
 */
export function wallMovedBack(before: { wall: number; mono: number }, now: { wall: number; mono: number }): number | undefined {
  const lag = now.mono - before.mono - (now.wall - before.wall);
  return lag > CLOCK_TOLERANCE_MS ? Math.round(lag / 1000) : undefined;
}
