import type { Phase } from '../machines/procedure';
import { createRng, type Rng } from '../rng';
import { contactChannel } from '../schema/channel';
import type { Lang } from '../schema/common';
import type { Rubric } from '../schema/rubric';
import type { Contact, Line, Option, Scenario } from '../schema/scenario';
import type { ObservationRecord } from '../scoring/observation';
import { drain, react } from '../visitor/model';
import { holds, replyFor } from './conditions';
import { CLOSE_FILE, ContactRun } from './contact-run';
import { Observer } from './observer';
import { shuffleKey } from './order';
import { type CallLogEntry, PhoneDesk, type SwitchboardView } from './phone-desk';
import { splitStage } from './stage';
import { checkToolContent, type ToolInput } from './tool-check';

/** A student's act, stamped with the shift clock: the unit of a replayable run. */
export interface Action {
  t: number;
  contact: string;
  option: string;
  /** What the student typed in a desk tool (visitor log, message slip). */
  input?: ToolInput;
}

/**
 * One line of the contact as it happened. Spoken lines carry their words (scenario
 * data); events carry only their kind, and `src/ui` words them.
 */
export interface LogEntry {
  t: number;
  contact: string;
  speaker: 'visitor' | 'receptionist' | 'colleague' | 'narrator';
  text?: Line;
  /** ring: the phone rings; hangup: a caller hangs up (a walkout on the phone); hold, transfer: switchboard moves. */
  event?: 'arrival' | 'walkout' | 'colleague' | 'ring' | 'hangup' | 'hold' | 'transfer';
  /** Language the line is spoken in (a foreign visitor speaks theirs). */
  lang: Lang;
  phase?: Phase;
  /** The option the receptionist chose (for receptionist lines). */
  option?: string;
}

export class ActError extends Error {}

/** A contact that is over: gone, and its file closed. */
const done = (c: ContactRun) => c.status === 'gone' && c.closed;

/** Pseudo-contact of start-of-shift preparation acts in a run's action log. */
export const DESK = 'desk';

const EXHAUSTED_MOOD = -15;
const PATIENCE_AFTER_COMPLAINT = 30;
const SPEAK_UP_AFTER = 20;

/**
 * The shift: a thin timeline. It plays a scenario's arrivals on an injected clock
 * (the caller advances it), starts one visit machine per contact, lets time weigh
 * on waiting visitors and hands every act to the observer. It never reads the wall
 * clock nor Math.random: (scenario, seed, actions) always give the same shift.
 */
export class Shift {
  now = 0;
  readonly contacts: ContactRun[];
  readonly actions: Action[] = [];
  readonly log: LogEntry[] = [];
  /** Preparation items done before opening (one outfit at most). */
  readonly prepared: string[] = [];
  private open = false;
  private pending = 0;
  private readonly rng: Rng;
  private readonly arrivals: { at: number; contact: string }[];
  /** Arrivals that wait for another contact to leave (a visitor coming back): scheduled when it does. */
  private returns: Scenario['timeline'];
  private readonly observer: Observer;
  /** The switchboard: lines, holds, rings and the call log (src/core/shift/phone-desk.ts). */
  readonly phone: PhoneDesk;
  private readonly byId = new Map<string, ContactRun>();
  /**
   * The contacts still to deal with (expected, present, or gone with their file open), in
   * the order of `contacts`: what each tick and `attended` look at, so a long shift's cost
   * per second does not grow with the visitors already seen off.
   */
  private live: ContactRun[];

  constructor(
    readonly scenario: Scenario,
    readonly rubric: Rubric,
    readonly seed: number,
  ) {
    this.rng = createRng(seed);
    this.contacts = scenario.contacts.map((c) => new ContactRun(c, contactChannel(scenario, c)));
    for (const c of this.contacts) this.byId.set(c.id, c);
    this.live = [...this.contacts];
    this.arrivals = scenario.timeline
      .filter((e) => !e.after)
      .map((e) => ({ at: e.at + (e.jitter ? this.rng.int(0, e.jitter) : 0), contact: e.contact }))
      .sort((a, b) => a.at - b.at);
    this.returns = scenario.timeline.filter((e) => e.after);
    this.observer = new Observer(scenario, rubric);
    this.phone = new PhoneDesk(scenario, rubric, this.observer);
  }

  /** The switchboard as the UI draws it: line keys and lamps, rings, hold timers, who is on which line, the call log. */
  switchboard(): SwitchboardView {
    return this.phone.view(this.now, this.contacts);
  }

  /** The switchboard's calls, events in order (rang, picked up, held, returned, transferred, hung up…). */
  get callLog(): readonly CallLogEntry[] {
    return this.phone.log;
  }

  get observations(): readonly ObservationRecord[] {
    return this.observer.records;
  }

  /** Indicators a contact of this scenario makes essential. */
  get essential(): ReadonlySet<string> {
    return new Set(this.scenario.contacts.flatMap((c) => c.essential ?? []));
  }

  get finished(): boolean {
    return this.now >= this.scenario.timeLimit || (this.arrivals.length === 0 && this.live.every(done));
  }

  contact(id: string): ContactRun {
    const c = this.byId.get(id);
    if (!c) throw new ActError(`no contact "${id}" in scenario ${this.scenario.id}`);
    return c;
  }

  /**
   * One more visitor, arriving at `at` (not before now): continuous arrivals for long
   * headless shifts (shift/arrivals.ts). The contact needs an id of its own.
   */
  admit(def: Contact, at: number): ContactRun {
    if (this.byId.has(def.id)) throw new ActError(`contact "${def.id}" is already in this shift`);
    if (!Number.isFinite(at) || at < this.now) throw new ActError(`a visitor cannot arrive in the past (at ${at}, now ${this.now})`);
    const run = new ContactRun(def, contactChannel(this.scenario, def));
    this.contacts.push(run);
    this.byId.set(run.id, run);
    this.live.push(run);
    let i = this.arrivals.length;
    while (i > 0 && this.arrivals[i - 1].at > at) i--;
    this.arrivals.splice(i, 0, { at, contact: run.id });
    return run;
  }

  /** Contacts that are over leave the live list; what only served to show their choices is let go. */
  private prune() {
    if (!this.live.some(done)) return;
    for (const c of this.live) if (done(c)) this.keys.delete(c.id), c.retire();
    this.live = this.live.filter((c) => !done(c));
  }

  /**
   * The one place that decides which contact the student attends to: the earliest
   * arrival still at the desk with something to do, else a file left to close.
   */
  attended(): ContactRun | undefined {
    const present = this.live.filter((c) => c.status === 'present');
    // At a mixed desk the call on the line comes first: a caller is not left on an open line (C321.1).
    if (this.scenario.channel === 'mixed') {
      const live = present.find((c) => this.phone.live(c) && c.available().length) ?? present.find((c) => c.ringing);
      if (live) return live;
    }
    return present.find((c) => c.available().length) ?? present[0] ?? this.live.find((c) => c.status === 'gone' && !c.closed);
  }

  /** The choices as shown: in an order drawn from the seed, so the best is not always first, and replays hold. */
  choices(run: ContactRun): Option[] {
    const available = run.available();
    // available() keeps its array until something changes: the order drawn for it holds as long.
    let shown = this.shown.get(available);
    if (!shown) {
      shown = available
        .map((o) => ({ o, k: this.orderKey(run, o) }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.o);
      this.shown.set(available, shown);
    }
    return shown;
  }

  private readonly shown = new WeakMap<Option[], Option[]>();

  /** Sort keys hashed once per contact and option: they depend only on the seed and the ids. */
  private readonly keys = new Map<string, Map<string, number>>();
  private orderKey(run: ContactRun, o: Option): number {
    let mine = this.keys.get(run.id);
    if (!mine) this.keys.set(run.id, (mine = new Map()));
    let k = mine.get(o.id);
    if (k === undefined) mine.set(o.id, (k = shuffleKey(this.seed, run.id, o.id)));
    return k;
  }

  /** Seconds until something happens by itself (an arrival, a colleague), for players who wait. */
  nextEventIn(): number | undefined {
    const times = [this.arrivals[0]?.at, ...this.contacts.map((c) => c.colleagueAt), this.phone.nextEventAt(this.contacts, this.now)].filter(
      (t): t is number => t !== undefined,
    );
    return times.length ? Math.max(0, Math.min(...times) - this.now) : undefined;
  }

  /** Start of shift: choose an outfit or do a task; only before the desk opens. */
  prepare(item: string): void {
    const prep = this.rubric.preparation;
    if (this.open) throw new ActError('the desk is already open: preparation is over');
    const outfit = prep?.outfits.find((o) => o.id === item);
    if (!outfit && !prep?.tasks.some((t) => t.id === item)) throw new ActError(`no preparation item "${item}" in rubric ${this.rubric.id}`);
    if (this.prepared.includes(item)) return;
    if (outfit) {
      const outfits = new Set(prep!.outfits.map((o) => o.id));
      const previous = this.prepared.findIndex((p) => outfits.has(p));
      if (previous >= 0) this.prepared.splice(previous, 1);
    }
    this.prepared.push(item);
    this.actions.push({ t: this.now, contact: DESK, option: item });
  }

  /** Opens the desk: preparation is scored and the timeline starts to run. */
  openDesk(): void {
    if (this.open) return;
    this.open = true;
    this.observer.preparation(this.now, this.prepared);
    this.admitDue();
  }

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Moves the clock on. The shift lives in whole seconds: fractions are kept until
   * they make a second, so a browser advancing by frames and a replay advancing in
   * one go see exactly the same ticks.
   */
  advance(seconds: number) {
    if (!Number.isFinite(seconds) || seconds < 0) throw new ActError(`time can only move forward by a finite number of seconds, got ${seconds}`);
    this.openDesk();
    this.pending += seconds;
    while (this.pending >= 1 - 1e-9 && !this.finished) {
      this.pending -= 1;
      this.now += 1;
      this.tick(1);
    }
    if (this.finished) this.close();
  }

  act(contactId: string, optionId: string, input?: ToolInput): void {
    if (this.finished) throw new ActError('the shift is over');
    if (contactId === DESK) {
      this.prepare(optionId);
      return;
    }
    // Checked before anything changes: a refused act leaves the shift as it was (the desk stays closed).
    const run = this.contact(contactId);
    const offered = run.available();
    const option = offered.find((o) => o.id === optionId);
    if (!option) throw new ActError(`option "${optionId}" is not available now for contact "${contactId}"`);
    this.openDesk();
    const phase = run.activePhase() ?? 'after';
    const manner = { speaking: run.ctx.speaking, facing: run.ctx.facing };
    const details = run.details(option);
    if (run.acknowledgedAt === undefined && details.addresses && run.status === 'present') {
      run.acknowledgedAt = this.now;
      const from = run.arrivedAt!;
      const serving = this.actions.some((a) => a.t >= from && a.contact !== run.id && a.contact !== DESK);
      this.observer.acknowledged(run, this.now, serving);
    }
    this.phone.before(run, option, this.now, this.contacts);
    this.actions.push({ t: this.now, contact: run.id, option: option.id, ...(input ? { input } : {}) });
    const check = option.tool ? checkToolContent(option, run.def, input, { desk: this.scenario.desk, acts: run.ctx.acts }) : undefined;
    // Why each field is wrong, for calls and for the new checks (a face-to-face log keeps its old record: golden results).
    const why = check && (run.channel === 'phone' || Object.values(check.why).some((w) => w !== 'missing' && w !== 'different')) ? check.why : undefined;
    this.observer.chosen(run, option, phase, this.now, check?.wrong, offered, why);
    if (run.status === 'present') run.feel(react(run.visitor, option, manner));
    this.calls(run, option, input);
    if (option.id !== CLOSE_FILE)
      this.log.push({
        t: this.now,
        contact: run.id,
        speaker: 'receptionist',
        text: option.text,
        lang: option.lang ?? run.ctx.speaking,
        phase: run.activePhase(),
        option: option.id,
      });
    const left = run.perform(option);
    const move = this.phone.after(run, option, this.now);
    if (move) this.log.push({ t: this.now, contact: run.id, speaker: 'narrator', event: move, lang: 'fr', phase: run.activePhase() });
    if (run.closed && option.id === CLOSE_FILE) this.observer.closedFile(run, this.now);
    const reply = replyFor(option, run.ctx, this.rng.pick);
    if (reply) this.speak(run, reply);
    this.phasesLeft(run, left);
    this.prune();
  }

  /** A colleague comes because they were called (on the phone, the one the student dialled): first call, or sooner when chased. */
  private calls(run: ContactRun, option: Option, input?: ToolInput) {
    const w = run.def.waiting;
    if (!w || run.ctx.colleagueHere) return;
    const dialled = option.tool === 'call' ? input?.for : undefined;
    const chase = option.act === 'CHASE' && (dialled === undefined || dialled === w.colleague);
    if (!chase && (dialled ?? option.calls) !== w.colleague) return;
    const when = this.now + (chase && run.colleagueAt !== undefined ? w.afterChase : w.delay);
    run.colleagueAt = Math.min(run.colleagueAt ?? Number.POSITIVE_INFINITY, when);
  }

  /** A line in brackets is what the student sees or hears (a diary, a gesture), not the visitor speaking: told apart here. */
  private speak(run: ContactRun, line: Line) {
    const { stage, speech } = splitStage(line);
    if (stage) this.say(run, 'narrator', stage);
    if (speech) this.say(run, 'visitor', speech);
  }

  private say(run: ContactRun, speaker: LogEntry['speaker'], text: Line) {
    this.log.push({ t: this.now, contact: run.id, speaker, text, lang: speaker === 'narrator' ? 'fr' : run.visitor.language, phase: run.activePhase() });
  }

  private phasesLeft(run: ContactRun, left: Phase[]) {
    if (!left.length) return;
    const next = run.activePhase();
    if (next) {
      const opening = run.def.phases[next]?.opening;
      if (opening) this.speak(run, opening);
    }
    if (run.status === 'gone') this.left(run);
  }

  /** A contact is over: scored as ended, and whoever comes after it leaving is put on the timeline. */
  private left(run: ContactRun) {
    this.observer.ended(run, this.now);
    const due = this.returns.filter((e) => e.after!.leaves === run.id);
    if (!due.length) return;
    this.returns = this.returns.filter((e) => !due.includes(e));
    for (const e of due) {
      if (!holds(e.after!.if, run.ctx)) {
        // Nobody comes back: the contact never arrives and leaves the shift's live list.
        this.live = this.live.filter((c) => c.id !== e.contact);
        continue;
      }
      const at = this.now + e.at + (e.jitter ? this.rng.int(0, e.jitter) : 0);
      let i = this.arrivals.length;
      while (i > 0 && this.arrivals[i - 1].at > at) i--;
      this.arrivals.splice(i, 0, { at, contact: e.contact });
    }
  }

  /** Visitors and calls due by now come in: at the desk's opening too, so one due at 0 s is there at 0 s, not 1 s. */
  private admitDue() {
    while (this.arrivals.length && this.arrivals[0].at <= this.now) {
      const run = this.contact(this.arrivals.shift()!.contact);
      run.arrive(this.now);
      if (run.channel === 'phone') this.phone.ring(run, this.now, this.contacts);
      this.log.push({ t: this.now, contact: run.id, speaker: 'narrator', event: run.channel === 'phone' ? 'ring' : 'arrival', lang: 'fr' });
      const opening = run.def.phases.greeting.opening;
      if (opening) this.speak(run, opening);
    }
  }

  private tick(dt: number) {
    this.admitDue();
    for (const run of this.live) {
      if (run.status !== 'present' || run.arrivedAt === this.now) continue; // time only weighs from the moment they are here
      // A ringing phone, or a caller on hold too long, ends in a hang-up: the switchboard's own clock.
      const hangUp = run.channel === 'phone' ? this.phone.tick(run, this.now, this.contacts) : undefined;
      if (hangUp) {
        this.abandon(run, 'hangup');
        continue;
      }
      if (run.ringing) continue;
      const situation = run.situation();
      run.feel(drain(run.visitor, dt, situation));
      const lines = run.def.visitor.lines;
      if (situation === 'unattended' && !run.spokeUp && this.now - run.arrivedAt! >= SPEAK_UP_AFTER && !run.visitor.traits.includes('hesitant')) {
        run.spokeUp = true;
        if (lines?.speakUp) this.say(run, 'visitor', lines.speakUp);
      }
      if (run.visitor.patience <= 0) this.exhausted(run, situation);
      if (run.status === 'present' && run.colleagueAt !== undefined && this.now >= run.colleagueAt && run.activePhase() === 'waiting') {
        this.log.push({
          t: this.now,
          contact: run.id,
          speaker: 'colleague',
          text: { ...run.def.waiting!.arrival },
          event: 'colleague',
          lang: 'fr',
          phase: 'waiting',
        });
        this.phasesLeft(run, run.colleagueArrives());
      }
    }
    this.prune();
  }

  private exhausted(run: ContactRun, situation: string) {
    run.exhaustions += 1;
    const lines = run.def.visitor.lines;
    if (run.exhaustions >= 2) {
      if (lines?.walkOut) this.say(run, 'visitor', lines.walkOut);
      this.abandon(run);
      return;
    }
    if (lines?.complain) this.say(run, 'visitor', lines.complain);
    run.feel({ ...run.visitor, mood: Math.max(0, run.visitor.mood + EXHAUSTED_MOOD), patience: PATIENCE_AFTER_COMPLAINT });
    if (situation === 'waiting') this.observer.patience(run, this.now);
  }

  /** The visitor walks out (or the shift ends with them still here): what was left undone counts as missed. */
  private abandon(run: ContactRun, event: 'walkout' | 'hangup' = run.channel === 'phone' ? 'hangup' : 'walkout') {
    if (run.acknowledgedAt === undefined) this.observer.neverAcknowledged(run, this.now);
    for (const o of run.unreached()) run.offered.add(o.id);
    const phase = run.activePhase();
    run.walkOut();
    if (run.channel === 'phone') this.phone.hungUp(run, this.now);
    this.log.push({ t: this.now, contact: run.id, speaker: 'narrator', event, lang: 'fr', phase });
    this.observer.walkedOut(run, this.now, phase);
    this.left(run);
  }

  private closed = false;
  /** End of shift: contacts still at the desk leave without the procedure finished. */
  private close() {
    if (this.closed) return;
    this.closed = true;
    for (const run of this.live.filter((c) => c.status === 'present')) this.abandon(run);
    for (const run of this.live.filter((c) => c.status === 'gone' && !c.closed)) {
      run.closed = true;
      this.observer.closedFile(run, this.now);
    }
    this.prune();
  }
}
