import type { Run } from '../core/result';
import type { Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import { DESK, Shift } from '../core/shift/shift';
import type { ToolInput } from '../core/shift/tool-check';

export type Mode = 'practice' | 'timed';

/**
 * Binds the pure shift to the wall clock: the browser may read time, the core may
 * not. Practice mode can pause and skip quiet waits; timed mode cannot.
 */
export class Session {
  readonly shift: Shift;
  paused = false;
  /** Whether the good-practice hint shows: practice by default; an assessment session decides. */
  hints: boolean;
  private timer?: ReturnType<typeof setInterval>;
  private last = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly scenario: Scenario,
    readonly rubric: Rubric,
    readonly seed: number,
    readonly mode: Mode,
    /** Clock speed; tests use more than 1 to play long waits quickly. */
    readonly speed = 1,
  ) {
    this.shift = new Shift(scenario, rubric, seed);
    this.hints = mode === 'practice';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.listeners.forEach((l) => l());
  }

  /** Opens the desk and starts the clock. */
  start() {
    this.shift.openDesk();
    this.last = performance.now();
    this.timer = setInterval(() => this.tick(), 100);
    this.changed();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get finished() {
    return this.shift.finished;
  }

  private tick() {
    const now = performance.now();
    const dt = ((now - this.last) / 1000) * this.speed;
    this.last = now;
    if (this.paused || this.finished) return;
    const before = this.shift.now;
    this.shift.advance(dt);
    if (this.shift.now !== before || this.finished) this.changed();
    if (this.finished) this.stop();
  }

  act(contact: string, option: string, input?: ToolInput) {
    this.shift.act(contact, option, input);
    if (this.finished) this.stop();
    this.changed();
  }

  prepare(item: string) {
    this.shift.prepare(item);
    this.changed();
  }

  togglePause() {
    if (this.mode !== 'practice') return;
    this.paused = !this.paused;
    this.last = performance.now();
    this.changed();
  }

  /** Practice only: let time run to the next thing that happens by itself. */
  skipAhead() {
    if (this.mode !== 'practice' || this.finished) return;
    this.shift.advance(Math.max(1, this.shift.nextEventIn() ?? 1));
    if (this.finished) this.stop();
    this.changed();
  }

  /**
   * Practice only: a new session standing just before second `at` of a finished run,
   * with every earlier act replayed (same seed, so the same world), to try a decision again.
   */
  static before(scenario: Scenario, rubric: Rubric, run: Run, at: number, speed = 1): Session {
    const session = new Session(scenario, rubric, run.seed, 'practice', speed);
    const shift = session.shift;
    for (const a of run.actions.filter((x) => x.contact === DESK)) shift.prepare(a.option);
    shift.openDesk();
    for (const a of run.actions) {
      if (a.contact === DESK || a.t >= at) continue;
      shift.advance(a.t - shift.now);
      shift.act(a.contact, a.option, a.input);
    }
    shift.advance(Math.max(0, at - shift.now));
    return session;
  }

  run(): Run {
    return { scenario: this.scenario.id, seed: this.seed, actions: [...this.shift.actions], end: this.shift.now };
  }
}
