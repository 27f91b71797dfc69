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
  private readonly began = Date.now();
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

  /** After each scenario: progress, score so far and what is needed to resume, committed. */
  progress(score: number, suspend: string) {
    this.set('cmi.core.lesson_status', 'incomplete');
    this.set('cmi.core.score.min', 0);
    this.set('cmi.core.score.max', 100);
    this.set('cmi.core.score.raw', score);
    if (suspend.length <= SUSPEND_LIMIT) this.set('cmi.suspend_data', suspend);
    else this.errors.push(`suspend data too long (${suspend.length} > ${SUSPEND_LIMIT})`);
    this.set('cmi.core.exit', 'suspend');
    this.set('cmi.core.session_time', scormTime((Date.now() - this.began) / 1000));
    this.commit();
  }

  /** End of the session: final score, passed or failed, one interaction per criterion. */
  complete(score: number, passed: boolean, levels: Record<string, string | null>) {
    this.set('cmi.core.score.min', 0);
    this.set('cmi.core.score.max', 100);
    this.set('cmi.core.score.raw', score);
    this.set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
    Object.entries(levels).forEach(([id, level], n) => {
      this.set(`cmi.interactions.${n}.id`, id);
      this.set(`cmi.interactions.${n}.type`, 'likert');
      this.set(`cmi.interactions.${n}.student_response`, level ?? 'NA');
      this.set(`cmi.interactions.${n}.result`, 'neutral');
    });
    this.set('cmi.suspend_data', '');
    this.set('cmi.core.exit', '');
    this.set('cmi.core.session_time', scormTime((Date.now() - this.began) / 1000));
    this.commit();
  }

  /** Leaving the page: time spent is recorded; the LMS keeps the suspend data. */
  finish() {
    if (this.finished) return;
    this.set('cmi.core.session_time', scormTime((Date.now() - this.began) / 1000));
    this.api.LMSFinish('');
    this.finished = true;
  }
}
