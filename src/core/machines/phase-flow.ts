import type { Phase } from './procedure';

// How the visit moves between phases, apart from the machines (index.ts) so the fast
// visit run and the built game use it without loading XState.

/** Where SKIP leads from each phase (handling skips to the leave-taking, never into a wait), on both channels. */
export const NEXT_PHASE: Record<Phase, Phase | undefined> = {
  greeting: 'screening',
  screening: 'handling',
  handling: 'leave',
  waiting: 'leave',
  leave: undefined,
};

/** Where the visit goes when a phase machine finishes with an outcome (visit.ts: each state's `onDone`). */
export const afterPhase = (phase: Phase, outcome: string): Phase | 'done' =>
  phase === 'leave' || outcome === 'transferred' ? 'done' : phase === 'handling' && outcome === 'wait' ? 'waiting' : NEXT_PHASE[phase]!;
