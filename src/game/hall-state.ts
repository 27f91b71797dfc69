/**
 * What the Phaser hall draws: a plain snapshot derived from the engine by the UI.
 * Scenes read it and never decide anything.
 */
export type Spot = 'door' | 'counter' | 'waiting' | 'lift' | 'gone';
/** Six readable steps of mood, from the face alone. */
export type Expression = 'furious' | 'angry' | 'annoyed' | 'neutral' | 'pleased' | 'smiling';
/**
 * What the figure is doing: walking up to the counter (not yet noticed), at the
 * counter, waiting on foot, seated in the waiting area, off to the lift, leaving,
 * leaving angrily.
 */
export type VisitorPose = 'approach' | 'counter' | 'waiting' | 'seated' | 'lift' | 'leave' | 'leaveAngry';
/** Body language from trust: arms crossed (wary), neutral, or open hands (at ease). */
export type Stance = 'closed' | 'neutral' | 'open';

export interface HallVisitor {
  id: string;
  /** Short label under the figure, e.g. "M. Martin". */
  label: string;
  spot: Spot;
  pose: VisitorPose;
  stance: Stance;
  /** Looks at the watch now and then (patience running low). */
  checksWatch: boolean;
  /** Speaking right now: drawn a little bigger so the eye goes to them. */
  speaking: boolean;
  expression: Expression;
  /** 0–100; under ~30 the figure shows impatience (tapping foot, arms crossed). */
  patience: number;
  traits: readonly string[];
  /** Latest line the visitor said, for a short speech bubble (already translated); '' for none. */
  speech: string;
  /** Stable small number to vary clothes and skin colours between visitors. */
  look: number;
  /** From Madame/Monsieur, so the figure matches how the visitor is addressed. */
  gender?: 'f' | 'm';
}

export interface HallState {
  /** Desk clock, e.g. "09:53". */
  clock: string;
  venue: string;
  receptionist: { posture: 'seated' | 'standing' | 'walking'; looking: 'screen' | 'visitor' };
  visitors: HallVisitor[];
  /** The colleague who comes down to fetch a waiting visitor. */
  colleague: { present: boolean; label: string };
  /** The desk phone: ringing (a line blinks), or the receptionist on a call (callers are heard, not seen). */
  phone: { ringing: boolean; onCall: boolean; label: string };
  paused: boolean;
}

export interface HallSource {
  get(): HallState;
  /** Called whenever the state changes; returns an unsubscribe function. */
  subscribe(listener: (state: HallState) => void): () => void;
}

/** What the debrief's summary chart shows (src/ui/debrief-chart.ts); the details are written out in the debrief. */
export interface DebriefState {
  criteria: { id: string; level: 'TI' | 'I' | 'S' | 'TS' | null; self: 'TI' | 'I' | 'S' | 'TS' | null; ratio: number }[];
  satisfaction: number;
  levelLabels: Record<'TI' | 'I' | 'S' | 'TS', string>;
  notAssessedLabel: string;
  title: string;
  selfLabel: string;
  scoreLabel: string;
  satisfactionLabel: string;
}
