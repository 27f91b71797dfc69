import { type Actor, type AnyStateMachine, createActor, getNextSnapshot } from 'xstate';
import { PHASE_MACHINES } from '../machines/index';
import type { Phase } from '../machines/procedure';
import { visitMachine } from '../machines/visit';
import type { Contact, Option } from '../schema/scenario';
import { initialVisitor, type Situation, type VisitorState } from '../visitor/model';

type PhaseSnapshot = ReturnType<Actor<AnyStateMachine>['getSnapshot']>;

/** One visitor's (or caller's) course through the procedure during a shift. */
export class ContactRun {
  status: 'expected' | 'present' | 'gone' = 'expected';
  arrivedAt?: number;
  acknowledgedAt?: number;
  visitor: VisitorState;
  solved = false;
  walkedOut = false;
  spokeUp = false;
  exhaustions = 0;
  waitAnnounced = false;
  colleagueAt?: number;
  posture: 'seated' | 'standing' | 'walking' = 'seated';
  /** Phases in the order they were entered. */
  readonly entered: Phase[] = [];
  /** Acts done, and acts that were on offer at some point, per phase (for the procedure checklist). */
  readonly done = new Map<Phase, Set<string>>();
  readonly offered = new Map<Phase, Set<string>>();
  private readonly used = new Set<string>();
  private actor?: Actor<typeof visitMachine>;

  constructor(readonly def: Contact) {
    this.visitor = initialVisitor(def);
  }

  get id() {
    return this.def.id;
  }

  arrive(now: number) {
    this.status = 'present';
    this.arrivedAt = now;
    this.actor = createActor(visitMachine).start();
    this.enter('greeting');
    this.noteOffered();
  }

  /** Current phase, or where the visit ended. */
  phase(): Phase | 'done' | 'left' | 'expected' {
    if (!this.actor) return 'expected';
    return this.actor.getSnapshot().value as Phase | 'done' | 'left';
  }

  activePhase(): Phase | undefined {
    const p = this.phase();
    return p === 'done' || p === 'left' || p === 'expected' ? undefined : p;
  }

  private phaseSnapshot(): PhaseSnapshot | undefined {
    const child = this.actor?.getSnapshot().children.phase as Actor<AnyStateMachine> | undefined;
    return child?.getSnapshot();
  }

  /** The phase machine's state name, e.g. "greeted". */
  phaseState(): string | undefined {
    const s = this.phaseSnapshot();
    return s ? String(s.value) : undefined;
  }

  private offeredIn(snap: PhaseSnapshot, phase: Phase, exclude?: Option): Option[] {
    const state = String(snap.value);
    if (snap.status === 'done') return [];
    return (this.def.phases[phase]?.options ?? []).filter(
      (o) => o !== exclude && !this.used.has(o.id) && (!o.when || o.when.includes(state)) && snap.can({ type: o.act }),
    );
  }

  /** Options the student can choose right now. */
  available(): Option[] {
    const phase = this.activePhase();
    const snap = this.phaseSnapshot();
    if (this.status !== 'present' || !phase || !snap) return [];
    return this.offeredIn(snap, phase);
  }

  /**
   * Remembers which acts the state now on offer allows. Done by the engine after
   * every transition (never by whoever reads `available`), so the procedure
   * checklist does not depend on how often a screen redraws.
   */
  private noteOffered() {
    const phase = this.activePhase();
    if (!phase) return;
    const set = this.offered.get(phase) ?? new Set();
    this.available().forEach((o) => set.add(o.act));
    this.offered.set(phase, set);
  }

  /**
   * What choosing `option` would close. Options leading elsewhere from this state
   * are alternatives to it; options that only looped here (posture, a question)
   * were independent opportunities, dropped if the act moves the phase on.
   */
  classify(option: Option): { alternatives: Option[]; dropped: Option[] } {
    const phase = this.activePhase()!;
    const snap = this.phaseSnapshot()!;
    const machine = PHASE_MACHINES[phase] as AnyStateMachine;
    const after = new Set(this.offeredIn(getNextSnapshot(machine, snap, { type: option.act }), phase, option));
    const closed = this.offeredIn(snap, phase, option).filter((o) => !after.has(o));
    return { alternatives: closed.filter((o) => !this.loops(o)), dropped: closed.filter((o) => this.loops(o)) };
  }

  /** True when the act keeps the phase in its current state (posture, a question, a chase). */
  loops(option: Option): boolean {
    const phase = this.activePhase()!;
    const snap = this.phaseSnapshot()!;
    return String(getNextSnapshot(PHASE_MACHINES[phase] as AnyStateMachine, snap, { type: option.act }).value) === String(snap.value);
  }

  /** Performs the act; returns the phase it left, if it left one. */
  perform(option: Option): Phase | undefined {
    const before = this.activePhase()!;
    this.used.add(option.id);
    const set = this.done.get(before) ?? new Set();
    set.add(option.act);
    this.done.set(before, set);
    this.actor!.send({ type: option.act } as never);
    return this.afterEvent(before);
  }

  colleagueArrives(): Phase | undefined {
    const before = this.activePhase()!;
    this.colleagueAt = undefined;
    this.actor!.send({ type: 'COLLEAGUE_ARRIVED' });
    return this.afterEvent(before);
  }

  walkOut() {
    this.walkedOut = true;
    this.actor!.send({ type: 'ABANDON' });
    this.status = 'gone';
  }

  private afterEvent(before: Phase): Phase | undefined {
    this.noteOffered();
    const now = this.phase();
    if (now === before) return undefined;
    if (now === 'done' || now === 'left') this.status = 'gone';
    else this.enter(now as Phase);
    return before;
  }

  private enter(phase: Phase) {
    this.entered.push(phase);
  }

  situation(): Situation {
    if (this.acknowledgedAt === undefined) return 'unattended';
    if (this.activePhase() === 'waiting') return this.waitAnnounced ? 'waitingInformed' : 'waiting';
    return 'dialogue';
  }
}
