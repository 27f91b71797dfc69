import type { Rubric } from '../schema/rubric';
import type { Option, Scenario } from '../schema/scenario';
import type { ContactRun } from './contact-run';
import type { Observer } from './observer';

/** One switchboard event, in the order it happened: the call log the UI lists. */
export interface CallLogEntry {
  t: number;
  contact: string;
  line: number;
  kind: 'rang' | 'picked-up' | 'held' | 'returned' | 'parked' | 'resumed' | 'transferred' | 'hung-up' | 'missed' | 'ended';
  /** picked-up, missed: rings heard. */
  rings?: number;
  /** held, returned, parked: the wait announced to the caller, in seconds (0: none said). */
  announced?: number;
  /** transferred: the extension dialled, and whether the caller was announced first (else a blind transfer). */
  extension?: string;
  announcedTransfer?: boolean;
}

/**
 * A line key as the switchboard shows it. Lamp: `off` idle, `blinking` ringing, `lit`
 * in conversation, `winking` (slow) a caller on hold or parked.
 */
export interface LineView {
  line: number;
  state: 'idle' | 'ringing' | 'talking' | 'held' | 'parked';
  lamp: 'off' | 'blinking' | 'lit' | 'winking';
  /** Who is on the line (a contact id). */
  contact?: string;
  /** Ringing: rings so far, and the ring at which the caller will hang up. */
  rings?: number;
  hangUpAfter?: number;
  /** Held or parked: since when, the wait announced, and the second the caller hangs up unless spoken to. */
  heldSince?: number;
  announced?: number;
  hangsUpAt?: number;
  internal?: boolean;
  /** Background noise or a bad line on this call. */
  noise?: 'crackle' | 'street' | 'open-plan' | 'wind';
}

/** Everything the switchboard draws, at one moment of the shift. */
export interface SwitchboardView {
  lines: LineView[];
  log: readonly CallLogEntry[];
  /** The call the receptionist is speaking on, if any. */
  onLine?: string;
  /** Visitors at the counter at the same time (mixed desks). */
  atCounter: string[];
}

/**
 * Acts done about a caller on hold without speaking to them: chasing the colleague, looking
 * something up; and the transfer, which puts them through (an announced transfer is the
 * consultation with the colleague, done for the caller, not a silence).
 */
const BEHIND_THE_LINE = new Set(['HOLD', 'PARK', 'CHASE', 'CONSULT', 'LOOK_UP', 'CALL_COLLEAGUE', 'TRANSFER']);

/** Acts that may be done to a visitor while a caller is on an open line: a sign, an apology. */
const BRIEF = new Set(['ACKNOWLEDGE', 'EXCUSE', 'POSTURE', 'FACE']);

/**
 * The switchboard of a shift: which caller is on which line, rings, holds and their
 * timers, transfers, and the call log. It also scores doing two things at once
 * (C321.1) through the observer. Pure: the shift hands it the clock.
 */
export class PhoneDesk {
  readonly log: CallLogEntry[] = [];
  private readonly lines: number;
  private readonly ringLength: number;
  /** Seconds a caller on hold may be left without news (the rubric's holdNews), if the rubric says. */
  private readonly newsWithin?: number;
  /** When each visitor was last excused to (EXCUSE), by contact id. */
  private readonly excusedAt = new Map<string, number>();
  /** Visitor–call pairs already scored for an open line, so a fault counts once. */
  private readonly unparked = new Set<string>();

  constructor(
    scenario: Scenario,
    rubric: Rubric,
    private readonly observer: Observer,
  ) {
    this.lines = scenario.desk.lines ?? 3;
    this.ringLength = rubric.observations.pickUp?.ring ?? 5;
    this.newsWithin = rubric.observations.holdNews?.within;
  }

  /** Seconds between two rings (the rubric's pick-up rule, else 5). */
  get ringSeconds() {
    return this.ringLength;
  }

  private entry(run: ContactRun, t: number, kind: CallLogEntry['kind'], extra: Partial<CallLogEntry> = {}) {
    this.log.push({ t, contact: run.id, line: run.call?.line ?? 0, kind, ...extra });
  }

  /** The phone rings for a caller: the line asked for if free, else the first free one. */
  ring(run: ContactRun, t: number, contacts?: readonly ContactRun[]) {
    const busy = new Set((contacts ?? []).filter((c) => c.call && c.status === 'present').map((c) => c.call!.line));
    const wanted = run.def.call?.line;
    let line = wanted && !busy.has(wanted) ? wanted : 1;
    while (busy.has(line) && line < this.lines) line++;
    run.call = { line };
    this.entry(run, t, 'rang');
  }

  ringsOf(run: ContactRun, t: number): number {
    return Math.floor((t - (run.arrivedAt ?? t)) / this.ringLength) + 1;
  }

  /** A caller picked up, not on hold or parked, not gone: on an open line. */
  live(run: ContactRun): boolean {
    return (
      run.channel === 'phone' &&
      run.status === 'present' &&
      run.call?.pickedUpAt !== undefined &&
      run.call.parkedSince === undefined &&
      run.activePhase() !== 'waiting'
    );
  }

  /** Visitors at the counter who have been spoken to and are still there. */
  private atCounter(contacts: readonly ContactRun[]) {
    return contacts.filter((c) => c.channel === 'face' && c.status === 'present' && c.acknowledgedAt !== undefined);
  }

  /** Before an act: the choices of a receptionist with a visitor and a call at once. */
  before(run: ContactRun, option: Option, t: number, contacts: readonly ContactRun[]) {
    if (run.channel === 'phone' && option.act === 'PICK_UP') {
      const visitors = this.atCounter(contacts);
      if (visitors.length) {
        const excused = visitors.every((v) => (this.excusedAt.get(v.id) ?? -1) >= run.arrivedAt!);
        this.observer.simultaneous(run, t, excused ? 'excused' : 'unexcused');
      }
    }
    if (run.channel === 'face' && run.status === 'present' && !BRIEF.has(option.act)) {
      for (const call of contacts.filter((c) => this.live(c))) {
        const key = `${run.id} ${call.id}`;
        if (this.unparked.has(key)) continue;
        this.unparked.add(key);
        this.observer.simultaneous(call, t, 'unparked');
      }
    }
  }

  /** After an act: the switchboard's state; returns the event to log, if any. */
  after(run: ContactRun, option: Option, t: number): 'hold' | 'transfer' | undefined {
    if (run.channel === 'face') {
      if (option.act === 'EXCUSE') this.excusedAt.set(run.id, t);
      return undefined;
    }
    const call = run.call;
    if (!call) return undefined;
    // Back on the line to a caller on hold: how long they were left without news.
    if ((call.heldSince !== undefined || call.parkedSince !== undefined) && call.lastWord !== undefined && !BEHIND_THE_LINE.has(option.act)) {
      this.observer.holdNews(run, t, t - call.lastWord, call.announced ?? 0);
      call.lastWord = t; // spoken to: the silence starts again from here
    }
    let event: 'hold' | 'transfer' | undefined;
    switch (option.act) {
      case 'PICK_UP':
        call.pickedUpAt = t;
        call.rings = this.ringsOf(run, t);
        this.entry(run, t, 'picked-up', { rings: call.rings });
        run.touch();
        break;
      case 'HOLD':
        call.heldSince = t;
        call.lastWord = t;
        call.announced = option.holdFor ?? 0;
        this.entry(run, t, 'held', { announced: call.announced });
        event = 'hold';
        break;
      case 'RETURN':
        call.lastWord = t;
        call.announced = option.holdFor ?? call.announced;
        this.entry(run, t, 'returned', { announced: call.announced });
        break;
      case 'PARK':
        call.parkedSince = t;
        call.lastWord = t;
        call.announced = option.holdFor ?? 0;
        this.entry(run, t, 'parked', { announced: call.announced });
        run.touch();
        event = 'hold';
        break;
      case 'RESUME':
        call.parkedSince = undefined;
        this.entry(run, t, 'resumed');
        run.touch();
        break;
      case 'TRANSFER':
        call.transfer = { extension: option.extension!, announced: option.announced ?? false };
        this.entry(run, t, 'transferred', { extension: option.extension, announcedTransfer: option.announced ?? false });
        event = 'transfer';
        break;
    }
    if (run.activePhase() !== 'waiting') call.heldSince = undefined;
    if (run.status === 'gone' && !call.hungUp && call.transfer === undefined && !this.log.some((e) => e.contact === run.id && e.kind === 'ended'))
      this.entry(run, t, 'ended');
    return event;
  }

  /** When a waiting caller hangs up unless spoken to (held or parked), else undefined. */
  hangsUpAt(run: ContactRun): number | undefined {
    const call = run.call;
    if (!call || call.lastWord === undefined || (call.heldSince === undefined && call.parkedSince === undefined)) return undefined;
    return call.lastWord + (call.announced ?? 0) + (run.def.call?.holdPatience ?? 40) + 1;
  }

  /** Every second for a caller still on: true when they hang up now (rung out, or left on hold too long). */
  tick(run: ContactRun, t: number, contacts: readonly ContactRun[]): boolean {
    if (run.ringing) {
      const rings = this.ringsOf(run, t);
      if (rings <= (run.def.call?.hangUpAfter ?? 8)) return false;
      if (this.atCounter(contacts).length) this.observer.simultaneous(run, t, 'lost');
      this.entry(run, t, 'missed', { rings: rings - 1 });
      return true;
    }
    const deadline = this.hangsUpAt(run);
    if (deadline === undefined || t < deadline) return false;
    this.observer.patience(run, t);
    return true;
  }

  /** The caller is gone without being put through: the line goes dark. */
  hungUp(run: ContactRun, t: number) {
    if (!run.call || run.call.hungUp) return;
    run.call.hungUp = true;
    if (!this.log.some((e) => e.contact === run.id && e.kind === 'missed')) this.entry(run, t, 'hung-up');
  }

  /**
   * The next second worth waking for on the switchboard: ten seconds before a waiting
   * caller hangs up or is due news (time to go back to them), so a player who waits is
   * not woken too late.
   */
  nextEventAt(contacts: readonly ContactRun[], now: number): number | undefined {
    const due = (c: ContactRun) => {
      const hangUp = this.hangsUpAt(c);
      if (hangUp === undefined) return 0;
      const news = this.newsWithin === undefined ? hangUp : c.call!.lastWord! + Math.max(this.newsWithin, c.call!.announced ?? 0);
      return Math.min(hangUp, news) - 10;
    };
    const times = contacts.filter((c) => c.channel === 'phone' && c.status === 'present').map(due);
    const future = times.filter((x) => x > now);
    return future.length ? Math.min(...future) : undefined;
  }

  /** The switchboard as the UI draws it. */
  view(t: number, contacts: readonly ContactRun[]): SwitchboardView {
    const lines: LineView[] = [];
    for (let line = 1; line <= this.lines; line++) {
      const run = contacts.find((c) => c.channel === 'phone' && c.status === 'present' && c.call?.line === line);
      if (!run) {
        lines.push({ line, state: 'idle', lamp: 'off' });
        continue;
      }
      const call = run.call!;
      const common = { line, contact: run.id, internal: run.def.call?.internal, noise: run.def.call?.badLine?.noise };
      if (run.ringing) lines.push({ ...common, state: 'ringing', lamp: 'blinking', rings: this.ringsOf(run, t), hangUpAfter: run.def.call?.hangUpAfter ?? 8 });
      else if (call.parkedSince !== undefined || call.heldSince !== undefined)
        lines.push({
          ...common,
          state: call.parkedSince !== undefined ? 'parked' : 'held',
          lamp: 'winking',
          heldSince: call.parkedSince ?? call.heldSince,
          announced: call.announced,
          hangsUpAt: this.hangsUpAt(run),
        });
      else lines.push({ ...common, state: 'talking', lamp: 'lit' });
    }
    return { lines, log: this.log, onLine: contacts.find((c) => this.live(c))?.id, atCounter: this.atCounter(contacts).map((c) => c.id) };
  }
}
