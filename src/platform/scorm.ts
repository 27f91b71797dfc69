import type { ObservationRecord } from '../core/scoring/observation';
import type { Action } from '../core/shift/shift';

/**
 * SCORM 1.2 runtime side of the game: finds the LMS's API object (window.API in a
 * parent frame or the opener), and writes what Moodle records. Outside an LMS,
 * connect() returns undefined and the game runs as usual.
 */
interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(key: string): string;
  LMSSetValue(key: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

/** SCORM 1.2 caps cmi.suspend_data at 4096 characters. */
export const SUSPEND_LIMIT = 4096;

/** One decision of a finished scenario, as the LMS's interactions report shows it. */
export interface Interaction {
  /** CMIIdentifier: printable ASCII, no spaces, 255 at most. */
  id: string;
  /** The option chosen. */
  response: string;
  /** From the indicators the choice met or missed (SCORM 1.2 vocabulary). */
  result: 'correct' | 'wrong' | 'neutral';
  /** CMITime, the time of day the choice was made: HH:MM:SS. */
  time: string;
  /** CMITimespan since the previous decision of the scenario (or the desk's opening). */
  latency: string;
  /** The indicators it was observed on, as the interaction's objectives. */
  objectives: string[];
}

/** The shift's DESK (preparation acts): not imported, the engine stays out of the first screen. */
export const PREPARATION = 'desk';
const identifier = (text: string) => text.replace(/[^\x21-\x7e]/g, '_').slice(0, 255);
const clockTime = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

/**
 * Every option the student chose in a scenario (preparation items aside), with what it
 * met or missed: met only, correct; missed, a breach or a grave fault, wrong; partly,
 * or nothing observed on it, neutral. `at` turns shift seconds into the wall time.
 */
export function decisionInteractions(
  scenario: string,
  run: { actions: readonly Action[]; observations: readonly ObservationRecord[] },
  at: (shiftSeconds: number) => Date,
): Interaction[] {
  let previous = 0;
  return run.actions
    .filter((a) => a.contact !== PREPARATION)
    .map((a, i) => {
      const seen = run.observations.filter(
        (o) => (o.kind === 'option' || o.kind === 'tool') && o.contact === a.contact && o.t === a.t && o.option === a.option,
      );
      const statuses = new Set(seen.map((o) => o.status));
      const result = ['missed', 'breach', 'grave'].some((st) => statuses.has(st as ObservationRecord['status']))
        ? 'wrong'
        : statuses.size && [...statuses].every((st) => st === 'met')
          ? 'correct'
          : 'neutral';
      const latency = scormTime(a.t - previous);
      previous = a.t;
      return {
        id: identifier(`${scenario}.${String(i + 1).padStart(2, '0')}.${a.contact}`),
        response: a.option.slice(0, 255),
        result,
        time: clockTime(at(a.t)),
        latency,
        objectives: [...new Set(seen.map((o) => identifier(o.indicator)))],
      };
    });
}

export function findApi(start: Window): Api12 | undefined {
  const search = (w: Window): Api12 | undefined => {
    for (let i = 0, cur: Window = w; i < 10; i++) {
      try {
        const api = (cur as Window & { API?: Api12 }).API;
        if (api && typeof api.LMSInitialize === 'function') return api;
      } catch {
        return undefined; // another origin: not our LMS
      }
      if (cur.parent === cur) break;
      cur = cur.parent;
    }
    return undefined;
  };
  return search(start) ?? (start.opener ? search(start.opener as Window) : undefined);
}

/** HHHH:MM:SS.SS, the only time format SCORM 1.2 accepts for session_time. */
export function scormTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(s / 3600), 4)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}.00`;
}

export class Lms {
  /** Monotonic: a wall clock set back must not shorten (or stretch) the session time. */
  private readonly began = performance.now();
  private readonly spent = () => (performance.now() - this.began) / 1000;
  private finished = false;
  /** Errors the LMS returned, kept for the record (and the tests). */
  readonly errors: string[] = [];

  private constructor(private readonly api: Api12) {}

  static connect(win: Window = window): Lms | undefined {
    const api = findApi(win);
    if (!api) return undefined;
    if (String(api.LMSInitialize('')) !== 'true') return undefined;
    return new Lms(api);
  }

  get(key: string): string {
    return String(this.api.LMSGetValue(key) ?? '');
  }

  set(key: string, value: string | number) {
    if (this.finished) return;
    if (String(this.api.LMSSetValue(key, String(value))) !== 'true') this.errors.push(`${key}: ${this.api.LMSGetLastError()}`);
  }

  commit() {
    if (!this.finished) this.api.LMSCommit('');
  }

  get studentName(): string {
    return this.get('cmi.core.student_name');
  }

  get suspendData(): string {
    return this.get('cmi.suspend_data');
  }

  /** What is needed to resume, within SCORM 1.2's limit (over it, the LMS keeps the last that fitted). */
  suspend(data: string) {
    if (data.length <= SUSPEND_LIMIT) this.set('cmi.suspend_data', data);
    else this.errors.push(`suspend data too long (${data.length} > ${SUSPEND_LIMIT})`);
  }

  /** The next free interaction: they are write-only in SCORM 1.2, only their count can be read. */
  private nextInteraction(): number {
    const n = Number(this.get('cmi.interactions._count'));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  }

  /** Each decision of a scenario, written after the ones the LMS already holds (committed with the progress). */
  interactions(list: readonly Interaction[]) {
    let n = this.nextInteraction();
    for (const d of list) {
      const at = `cmi.interactions.${n++}`;
      this.set(`${at}.id`, d.id);
      d.objectives.forEach((o, k) => this.set(`${at}.objectives.${k}.id`, o));
      this.set(`${at}.time`, d.time);
      this.set(`${at}.type`, 'choice');
      this.set(`${at}.student_response`, d.response);
      this.set(`${at}.result`, d.result);
      this.set(`${at}.latency`, d.latency);
    }
  }

  /** After each scenario: progress, score so far and what is needed to resume, committed. */
  progress(score: number, suspend: string) {
    this.set('cmi.core.lesson_status', 'incomplete');
    this.set('cmi.core.score.min', 0);
    this.set('cmi.core.score.max', 100);
    this.set('cmi.core.score.raw', score);
    this.suspend(suspend);
    this.set('cmi.core.exit', 'suspend');
    this.set('cmi.core.session_time', scormTime(this.spent()));
    this.commit();
  }

  /** End of the session: final score, passed or failed, one interaction per criterion. */
  complete(score: number, passed: boolean, levels: Record<string, string | null>) {
    this.set('cmi.core.score.min', 0);
    this.set('cmi.core.score.max', 100);
    this.set('cmi.core.score.raw', score);
    this.set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
    const first = this.nextInteraction();
    Object.entries(levels).forEach(([id, level], i) => {
      const n = first + i;
      this.set(`cmi.interactions.${n}.id`, id);
      this.set(`cmi.interactions.${n}.type`, 'likert');
      this.set(`cmi.interactions.${n}.student_response`, level ?? 'NA');
      this.set(`cmi.interactions.${n}.result`, 'neutral');
    });
    this.set('cmi.suspend_data', '');
    this.set('cmi.core.exit', '');
    this.set('cmi.core.session_time', scormTime(this.spent()));
    this.commit();
  }

  /** Leaving the page: time spent is recorded; the LMS keeps the suspend data. */
  finish() {
    if (this.finished) return;
    this.set('cmi.core.session_time', scormTime(this.spent()));
    this.api.LMSFinish('');
    this.finished = true;
  }
}
