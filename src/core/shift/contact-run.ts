import { NEXT_PHASE } from '../machines/phase-flow';
import { type PhaseTable, tablesOn } from '../machines/phase-table';
import { ADDRESSING_ACTS, type Channel, PHASES, type Phase, phaseOfActOn } from '../machines/procedure';
import type { ActDetails, VisitContext, VisitEvent } from '../machines/visit-context';
import { VisitRun } from '../machines/visit-run';
import type { Contact, Option } from '../schema/scenario';
import { initialVisitor, type Situation, type VisitorState } from '../visitor/model';
import { holds } from './conditions';

/** Built-in act that closes a contact's file once its follow-up is done or not needed. */
export const CLOSE_FILE = 'close-file';
const closeOption: Option = { id: CLOSE_FILE, act: 'CLOSE_FILE', text: { fr: CLOSE_FILE, en: CLOSE_FILE }, addresses: false };

/** Where an act leads from a phase state; an act the state refuses leaves it where it is (as getNextSnapshot does). */
const nextState = (tables: Record<Phase, PhaseTable>, phase: Phase, state: string, act: string) => tables[phase].states[state].next.get(act) ?? state;

/** A caller on the switchboard: the line, when it was picked up, held or parked (src/core/shift/switchboard.ts reads it). */
export interface CallState {
  line: number;
  pickedUpAt?: number;
  rings?: number;
  /** On hold (the hold phase) or parked a moment (PARK) since then; undefined when on the line. */
  heldSince?: number;
  parkedSince?: number;
  /** When the caller was last spoken to while waiting (the hold, or a return). */
  lastWord?: number;
  /** The wait last announced to the caller, in seconds. */
  announced?: number;
  /** Extension the call was put through to, and whether the caller was announced. */
  transfer?: { extension: string; announced: boolean };
  hungUp?: boolean;
}

interface Memo {
  version: number;
  status: ContactRun['status'];
  closed: boolean;
  mood: number;
  trust: number;
  options?: Option[];
  /** Options of a phase from a state, by "phase state". */
  phases: Map<string, Option[]>;
  closes: Map<Option, Option[]>;
}

/**
 * One visitor's (or caller's) course through the procedure during a shift. What is
 * true of the contact lives in its visit machine (context and tags); this class
 * only adds where the contact stands on the shift's clock.
 */
export class ContactRun {
  status: 'expected' | 'present' | 'gone' = 'expected';
  arrivedAt?: number;
  acknowledgedAt?: number;
  walkedOut = false;
  spokeUp = false;
  exhaustions = 0;
  colleagueAt?: number;
  /** The follow-up after departure is over (closed by the student, or nothing to follow up). */
  closed = false;
  /** Every option that was ever on offer: an indicator one of them would have met, and nobody did, was missed. */
  readonly offered = new Set<string>();
  /** The contact's visit machine, run from its tables (machines/visit-run.ts). */
  private visit?: VisitRun;
  /** Feelings not yet sent to the visit (FEEL only sets them, so sending the last one is the same). */
  private pending?: VisitorState;
  private readonly start: VisitorState;
  /** Bumped on every event that may change the procedure (not feelings): the memo below holds until then. */
  private version = 0;
  private memo?: Memo;

  /** The channel's phase tables (face-to-face or call machines). */
  private readonly tables: Record<Phase, PhaseTable>;
  /** Set for a caller once the phone rings. */
  call?: CallState;

  constructor(
    readonly def: Contact,
    readonly channel: Channel = 'face',
  ) {
    this.start = initialVisitor(def);
    this.tables = tablesOn(channel);
  }

  /** A call still ringing: nothing but picking up is possible. */
  get ringing(): boolean {
    return this.channel === 'phone' && this.status === 'present' && this.phaseState() === 'ringing';
  }

  /** The phase of an act for this contact's channel (the current phase wins when it knows the act). */
  private where(act: string) {
    return phaseOfActOn(this.channel, act, this.activePhase());
  }

  get id() {
    return this.def.id;
  }

  arrive(now: number) {
    this.status = 'present';
    this.arrivedAt = now;
    this.visit = new VisitRun({ visitor: this.start, speaking: 'fr' }, this.channel);
    this.version++;
    this.noteOffered();
  }

  /** The contact's context, from its machine: the single source of what happened. */
  get ctx(): VisitContext {
    this.flush();
    return this.visit?.context ?? ({ visitor: this.start, done: [], acts: [], outcomes: {} } as unknown as VisitContext);
  }

  get visitor(): VisitorState {
    return this.pending ?? this.ctx.visitor;
  }

  /** Patience drains every simulated second: the feelings reach the machine when read or before its next event. */
  feel(visitor: VisitorState) {
    if (this.visit) this.pending = visitor;
  }

  private flush() {
    if (!this.pending) return;
    const visitor = this.pending;
    this.pending = undefined;
    this.visit!.send({ type: 'FEEL', visitor });
  }

  private send(event: VisitEvent) {
    this.flush();
    this.version++;
    this.visit!.send(event);
  }

  /** Current phase, or where the visit ended. */
  phase(): Phase | 'done' | 'left' | 'expected' {
    return this.visit ? this.visit.value : 'expected';
  }

  activePhase(): Phase | undefined {
    const p = this.phase();
    return p === 'done' || p === 'left' || p === 'expected' ? undefined : p;
  }

  /** The phase machine's state name, e.g. "greeted". */
  phaseState(): string | undefined {
    return this.visit?.phaseState;
  }

  private fits(o: Option, ctx: VisitContext) {
    return !ctx.done.includes(o.id) && holds(o.if, ctx);
  }

  /** Options of a phase possible from one of its states (the machine's answer, read from its table). */
  private phaseOptions(phase: Phase, state: string, ctx: VisitContext): Option[] {
    const memo = this.current();
    const key = `${phase} ${state}`;
    let options = memo.phases.get(key);
    if (!options) {
      const row = this.tables[phase].states[state];
      options = (this.def.phases[phase]?.options ?? []).filter(
        (o) => this.fits(o, ctx) && (!o.when || o.when.includes(state)) && !row.final && row.next.has(o.act),
      );
      memo.phases.set(key, options);
    }
    return options;
  }

  /**
   * What is possible now, kept until an event, a change of status, or a change of mood or
   * trust (which conditions may read; patience they never do). Callers must not change it.
   */
  private current(): Memo {
    const { mood, trust } = this.visitor;
    const m = this.memo;
    if (m?.version === this.version && m.status === this.status && m.closed === this.closed && m.mood === mood && m.trust === trust) return m;
    this.memo = { version: this.version, status: this.status, closed: this.closed, mood, trust, phases: new Map(), closes: new Map() };
    return this.memo;
  }

  /** The phase a SKIP would lead to, when the current state may be left. */
  private skipTarget(phase: Phase | undefined, state: string | undefined): Phase | undefined {
    if (!phase || state === undefined || !this.tables[phase].states[state].canLeave) return undefined;
    const next = NEXT_PHASE[phase];
    return next && this.def.phases[next] ? next : undefined;
  }

  /** Options the student can choose right now, in the scenario's order (kept: callers must not change it). */
  available(): Option[] {
    const memo = this.current();
    memo.options ??= this.computeAvailable();
    return memo.options;
  }

  private computeAvailable(): Option[] {
    const ctx = this.ctx;
    if (this.status === 'gone') {
      if (this.closed) return [];
      return [...(this.def.after ?? []).filter((o) => this.fits(o, ctx)), closeOption];
    }
    const phase = this.activePhase();
    const state = this.phaseState();
    if (this.status !== 'present' || !phase || state === undefined) return [];
    // A caller parked a moment: nothing goes on with them until they are taken back.
    if (this.call?.parkedSince !== undefined) return (this.def.anytime ?? []).filter((o) => o.act === 'RESUME' && this.fits(o, ctx));
    const own = this.phaseOptions(phase, state, ctx);
    const next = this.skipTarget(phase, state);
    const ahead = next ? this.phaseOptions(next, this.tables[next].initial, ctx) : [];
    // A ringing phone offers one thing: to pick it up.
    const anytime = this.ringing ? [] : (this.def.anytime ?? []).filter((o) => this.fits(o, ctx) && this.switchboardAllows(o));
    return [...own, ...ahead, ...anytime];
  }

  /** A caller can be parked only once picked up, and taken back only when parked. */
  private switchboardAllows(o: Option): boolean {
    if (o.act === 'PARK') return this.call?.pickedUpAt !== undefined && this.call.parkedSince === undefined;
    if (o.act === 'RESUME') return this.call?.parkedSince !== undefined;
    return true;
  }

  /** Remembers what is on offer, after every change (never from a screen redraw). */
  noteOffered() {
    for (const o of this.available()) this.offered.add(o.id);
  }

  /**
   * Options on offer now that choosing `option` would close for good: the rest of
   * this phase when it skips ahead, or what the next phase state no longer allows.
   */
  closes(option: Option): Option[] {
    const memo = this.current();
    let closed = memo.closes.get(option);
    if (!closed) memo.closes.set(option, (closed = this.computeCloses(option)));
    return closed;
  }

  private computeCloses(option: Option): Option[] {
    const phase = this.activePhase();
    const state = this.phaseState();
    if (!phase || state === undefined) return [];
    const where = this.where(option.act);
    if (where === 'anytime' || where === 'after') return [];
    const now = this.phaseOptions(phase, state, this.ctx).filter((o) => o !== option);
    if (where === phase) {
      const after = this.after(phase, state, option);
      return now.filter((o) => !after.has(o));
    }
    // Skipping ahead closes the rest of this phase, and what the act rules out in the next one.
    const next = this.skipTarget(phase, state);
    if (where !== next || !next) return now;
    const init = this.tables[next].initial;
    const after = this.after(next, init, option);
    return [...now, ...this.phaseOptions(next, init, this.ctx).filter((o) => o !== option && !after.has(o))];
  }

  /** Options of the phase once the act is done (an act the state refuses leaves it where it is). */
  private after(phase: Phase, state: string, option: Option): Set<Option> {
    return new Set(this.phaseOptions(phase, nextState(this.tables, phase, state, option.act), this.ctx));
  }

  /** True when the act belongs to the next phase: choosing it leaves the current one unfinished. */
  skipsAhead(option: Option): boolean {
    const where = this.where(option.act);
    return where !== 'anytime' && where !== 'after' && where !== this.activePhase();
  }

  /** True when the act keeps the procedure where it is (posture, a question, a chase). */
  loops(option: Option): boolean {
    const where = this.where(option.act);
    if (where === 'anytime' || where === 'after') return true;
    const phase = this.activePhase();
    const state = this.phaseState();
    if (!phase || state === undefined || where !== phase) return false;
    return nextState(this.tables, phase, state, option.act) === state;
  }

  details(option: Option): ActDetails {
    return {
      option: option.id,
      act: option.act,
      posture: option.posture,
      facing: option.facing,
      lang: option.lang,
      addresses: option.addresses ?? ADDRESSING_ACTS.has(option.act),
      calls: option.calls,
      solves: option.solves,
    };
  }

  /** Performs the act (skipping ahead first when it belongs to the next phase); returns the phases left. */
  perform(option: Option): Phase[] {
    if (option.id === CLOSE_FILE) {
      this.closed = true;
      return [];
    }
    const left: Phase[] = [];
    const where = this.where(option.act);
    while (PHASES.includes(where as Phase) && this.activePhase() && this.activePhase() !== where) {
      left.push(this.activePhase()!);
      this.send({ type: 'SKIP' });
    }
    const before = this.activePhase();
    this.send({ type: 'DO', details: this.details(option) });
    if (before && this.activePhase() !== before) left.push(before);
    this.afterEvent();
    return left;
  }

  /** The switchboard changed what is possible (a caller parked or taken back): options are worked out again. */
  touch() {
    this.version++;
    this.noteOffered();
  }

  colleagueArrives(): Phase[] {
    const before = this.activePhase();
    this.colleagueAt = undefined;
    this.send({ type: 'COLLEAGUE_ARRIVED' });
    this.afterEvent();
    return before && this.activePhase() !== before ? [before] : [];
  }

  walkOut() {
    this.walkedOut = true;
    this.send({ type: 'ABANDON' });
    this.status = 'gone';
    if (!this.def.after?.length) this.closed = true;
  }

  private afterEvent() {
    const now = this.phase();
    if (now === 'done' || now === 'left') {
      this.status = 'gone';
      if (!this.def.after?.length) this.closed = true;
    }
    this.noteOffered();
  }

  /**
   * The contact is over (gone, file closed): what served only to offer choices is let go.
   * Its context, offered options and times stay, for the result and the debrief.
   */
  retire() {
    this.memo = undefined;
  }

  situation(): Situation {
    if (this.acknowledgedAt === undefined) return 'unattended';
    const call = this.call;
    if (call && (call.heldSince !== undefined || call.parkedSince !== undefined)) return call.announced ? 'waitingInformed' : 'waiting';
    if (this.activePhase() !== 'waiting') return 'dialogue';
    // Read every second; feelings do not change these, so no need to send pending ones first.
    const { colleagueHere, informed } = this.visit!.context;
    if (!colleagueHere) return informed ? 'waitingInformed' : 'waiting';
    return 'dialogue';
  }

  /** Phases this contact went through, in order. */
  entered(): Phase[] {
    const left = Object.keys(this.ctx.outcomes ?? {}) as Phase[];
    const now = this.activePhase();
    return now && !left.includes(now) ? [...left, now] : left;
  }

  /** Options of phases not reached yet (for a visitor who walks out: what was never done counts as missed). */
  unreached(): Option[] {
    const phase = this.activePhase();
    if (!phase) return [];
    const from = PHASES.indexOf(phase);
    return PHASES.slice(from)
      .filter((p) => p !== 'waiting' || phase === 'waiting')
      .flatMap((p) => this.def.phases[p]?.options ?? []);
  }
}
