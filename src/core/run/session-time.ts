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
