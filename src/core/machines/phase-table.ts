import { type AnyStateMachine, getInitialSnapshot, getNextSnapshot } from 'xstate';
import { CALL_MACHINES, PHASE_MACHINES } from './index';
import { ALL_ACTS, type Channel, PHASES, type Phase } from './procedure';

/** One phase state as the hot path needs it: where each accepted act leads, and its tags. */
export interface PhaseState {
  /** act → next state name, only for acts the state accepts (`can`). */
  readonly next: ReadonlyMap<string, string>;
  readonly canLeave: boolean;
  /** A final state accepts nothing more (the phase is over). */
  readonly final: boolean;
  /** The machine's output on reaching this final state, e.g. "refused" (phase outputs depend only on the final state). */
  readonly outcome?: string;
}

export interface PhaseTable {
  readonly initial: string;
  readonly states: Readonly<Record<string, PhaseState>>;
}

/** Every event a phase machine may receive: the student's acts and the world's. */
export const PHASE_EVENTS: readonly string[] = [...ALL_ACTS, 'COLLEAGUE_ARRIVED'];

/**
 * Derived once from the XState machine itself (its `can`, `getNextSnapshot`, tags and
 * output), walking every state reachable from the initial one, so the machines stay the
 * single source; asking XState per option per step was most of a shift's time.
 * tests/unit/phase-table.test.ts checks the table against the machines.
 */
function tableOf(machine: AnyStateMachine): PhaseTable {
  const init = getInitialSnapshot(machine);
  const states: Record<string, PhaseState> = {};
  const queue = [init];
  while (queue.length) {
    const snap = queue.shift()!;
    const name = String(snap.value);
    if (states[name]) continue;
    const next = new Map<string, string>();
    const final = snap.status === 'done';
    for (const type of final ? [] : PHASE_EVENTS)
      if (snap.can({ type })) {
        const after = getNextSnapshot(machine, snap, { type });
        next.set(type, String(after.value));
        queue.push(after);
      }
    states[name] = { next, canLeave: snap.hasTag('canLeave'), final, ...(final ? { outcome: (snap.output as { outcome: string }).outcome } : {}) };
  }
  return { initial: String(init.value), states };
}

const tablesFor = (machines: Record<Phase, unknown>) =>
  Object.fromEntries(PHASES.map((p) => [p, tableOf(machines[p] as AnyStateMachine)])) as Record<Phase, PhaseTable>;

/** Built on first use, per channel: a face shift never pays for the call tables (first hall frame, npm run bench). */
const built: Partial<Record<Channel, Record<Phase, PhaseTable>>> = {};

export const tablesOn = (channel: Channel): Record<Phase, PhaseTable> => (built[channel] ??= tablesFor(channel === 'face' ? PHASE_MACHINES : CALL_MACHINES));
