/**
 * What the Phaser hall draws: a plain snapshot derived from the engine by the UI.
 * Scenes read it and never decide anything.
 */
export type Spot = 'door' | 'counter' | 'waiting' | 'gone';
export type Expression = 'smiling' | 'neutral' | 'annoyed' | 'angry';

export interface HallVisitor {
  id: string;
  /** Short label under the figure, e.g. "M. Martin". */
  label: string;
  spot: Spot;
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
  paused: boolean;
}

export interface HallSource {
  get(): HallState;
  /** Called whenever the state changes; returns an unsubscribe function. */
  subscribe(listener: (state: HallState) => void): () => void;
}

/** What the debrief scene draws on canvas (text details live in the DOM). */
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
