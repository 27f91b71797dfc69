import { PHASES, type Phase } from '../machines/procedure';
import { createRng, type Rng } from '../rng';
import type { Lang, Text } from '../schema/common';
import type { Rubric } from '../schema/rubric';
import type { Option, Scenario } from '../schema/scenario';
import { decisionEvidence, type EvidenceRecord } from '../scoring/evidence';
import { drain, react } from '../visitor/model';
import { ContactRun } from './contact-run';

/** A student's act, stamped with the shift clock: the unit of a replayable run. */
export interface Action {
  t: number;
  contact: string;
  option: string;
}

export interface LogEntry {
  t: number;
  contact: string;
  speaker: 'visitor' | 'receptionist' | 'colleague' | 'narrator';
  text: Text;
  /** Language the line is spoken in (a foreign visitor speaks theirs). */
  lang: Lang;
  phase?: Phase;
}

export class ActError extends Error {}

/** Pseudo-contact of start-of-shift preparation acts in a run's action log. */
export const DESK = 'desk';

const EXHAUSTED_MOOD = -15;
const PATIENCE_AFTER_COMPLAINT = 30;
const SPEAK_UP_AFTER = 20;

/**
 * The shift: plays a scenario's timeline on an injected clock (the caller advances
 * it), creates one visit actor per contact as they arrive, lets time weigh on
 * waiting visitors, and turns every act into evidence. It never reads the wall
 * clock nor Math.random: (scenario, seed, actions) always give the same shift.
 */
export class Shift {
  now = 0;
  readonly contacts: ContactRun[];
  readonly evidence: EvidenceRecord[] = [];
  readonly actions: Action[] = [];
  readonly log: LogEntry[] = [];
  /** Preparation items done before opening (one outfit at most). */
  readonly prepared: string[] = [];
  private open = false;
  private pending = 0;
  private readonly rng: Rng;
  private readonly arrivals: { at: number; contact: string }[];

  constructor(
    readonly scenario: Scenario,
    readonly rubric: Rubric,
    readonly seed: number,
  ) {
    this.rng = createRng(seed);
    this.contacts = scenario.contacts.map((c) => new ContactRun(c));
    this.arrivals = scenario.timeline.map((e) => ({ at: e.at + (e.jitter ? this.rng.int(0, e.jitter) : 0), contact: e.contact })).sort((a, b) => a.at - b.at);
  }

  get finished(): boolean {
    return this.now >= this.scenario.timeLimit || (this.arrivals.length === 0 && this.contacts.every((c) => c.status === 'gone'));
  }

  contact(id: string): ContactRun {
    const c = this.contacts.find((x) => x.id === id);
    if (!c) throw new ActError(`no contact "${id}" in scenario ${this.scenario.id}`);
    return c;
  }

  /** Seconds until something happens by itself (an arrival, a colleague), for policies that wait. */
  nextEventIn(): number | undefined {
    const times = [this.arrivals[0]?.at, ...this.contacts.map((c) => c.colleagueAt)].filter((t): t is number => t !== undefined);
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
      const previous = this.prepared.findIndex((p) => prep!.outfits.some((o) => o.id === p));
      if (previous >= 0) this.prepared.splice(previous, 1);
    }
    this.prepared.push(item);
    this.actions.push({ t: this.now, contact: DESK, option: item });
  }

  /** Opens the desk: preparation is scored and the timeline starts to run. */
  openDesk(): void {
    if (this.open) return;
    this.open = true;
    const prep = this.rubric.preparation;
    if (!prep) return;
    const at = { t: this.now, contact: DESK, phase: 'preparation' as const, source: 'procedure' as const };
    const outfit = prep.outfits.find((o) => this.prepared.includes(o.id));
    const fits = outfit?.suits.includes(this.scenario.venue);
    this.evidence.push({
      ...at,
      criterion: prep.outfit.criterion,
      points: fits ? prep.outfit.points : prep.outfit.missing,
      max: prep.outfit.points,
      why: fits ? outfit!.why : prep.outfit.whyMissing,
      option: outfit?.id,
    });
    for (const task of prep.tasks) {
      const done = this.prepared.includes(task.id);
      this.evidence.push({
        ...at,
        criterion: task.criterion,
        points: done ? task.points : task.missing,
        max: task.points,
        why: done ? task.why : task.whyMissing,
        option: task.id,
      });
    }
  }

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Moves the clock on. The shift lives in whole seconds: fractions are kept until
   * they make a second, so a browser advancing by frames and a replay advancing in
   * one go see exactly the same ticks, and acts are stamped in whole seconds.
   */
  advance(seconds: number) {
    this.openDesk();
    this.pending += seconds;
    while (this.pending >= 1 - 1e-9 && !this.finished) {
      this.pending -= 1;
      this.now += 1;
      this.tick(1);
    }
    if (this.finished) this.close();
  }

  act(contactId: string, optionId: string): void {
    if (this.finished) throw new ActError('the shift is over');
    if (contactId === DESK) {
      this.prepare(optionId);
      return;
    }
    this.openDesk();
    const run = this.contact(contactId);
    const option = run.available().find((o) => o.id === optionId);
    if (!option) throw new ActError(`option "${optionId}" is not available now for contact "${contactId}"`);
    const phase = run.activePhase()!;
    const where = { t: this.now, contact: run.id, phase };
    const { alternatives, dropped } = run.classify(option);
    if (run.acknowledgedAt === undefined) this.acknowledge(run);
    this.actions.push({ t: this.now, contact: run.id, option: option.id });
    this.evidence.push(...decisionEvidence(where, option, alternatives, dropped));
    run.visitor = react(run.visitor, option);
    if (option.solves) run.solved = true;
    if (option.posture) run.posture = option.posture;
    if (option.act === 'ANNOUNCE_WAIT') run.waitAnnounced = true;
    if (option.act === 'CHASE' && run.colleagueAt !== undefined && run.def.waiting) {
      run.colleagueAt = Math.min(run.colleagueAt, this.now + run.def.waiting.afterChase);
    }
    this.say(run, 'receptionist', option.text, option.lang ?? 'fr');
    const reply = this.reply(option);
    // A reply in brackets is what the student sees or hears (a diary, a phone call), not the visitor speaking.
    if (reply) this.say(run, reply.fr.startsWith('(') ? 'narrator' : 'visitor', reply, reply.fr.startsWith('(') ? 'fr' : run.visitor.language);
    this.phaseChanged(run, run.perform(option));
  }

  private reply(option: Option): Text | undefined {
    if (!option.reply) return undefined;
    return Array.isArray(option.reply) ? this.rng.pick(option.reply) : option.reply;
  }

  private say(run: ContactRun, speaker: LogEntry['speaker'], text: Text, lang: Lang) {
    this.log.push({ t: this.now, contact: run.id, speaker, text, lang, phase: run.activePhase() });
  }

  /** Scores how long the arrival went unnoticed; `seen` false: it never was. */
  private acknowledge(run: ContactRun, seen = true) {
    if (seen) run.acknowledgedAt = this.now;
    const rule = this.rubric.observations.acknowledge;
    const delay = this.now - run.arrivedAt!;
    const band = (seen && rule.bands.find((b) => delay <= b.within)) || rule.later;
    const max = Math.max(...rule.bands.map((b) => b.points));
    const seconds = String(Math.round(delay));
    this.evidence.push({
      t: this.now,
      contact: run.id,
      phase: 'greeting',
      criterion: rule.criterion,
      points: band.points,
      max,
      source: 'timing',
      why: { fr: band.why.fr.replace('{s}', seconds), en: band.why.en.replace('{s}', seconds) },
    });
  }

  private phaseChanged(run: ContactRun, left: Phase | undefined) {
    if (!left) return;
    this.checkProcedure(run, left);
    const next = run.activePhase();
    if (!next) return;
    const opening = run.def.phases[next]?.opening;
    if (opening) this.say(run, 'visitor', opening, run.visitor.language);
    if (next === 'waiting' && run.def.waiting) run.colleagueAt = this.now + run.def.waiting.delay;
  }

  /** The rubric's procedure steps for a phase: done, or skipped although on offer. */
  private checkProcedure(run: ContactRun, phase: Phase, offered = run.offered.get(phase)) {
    const done = run.done.get(phase) ?? new Set();
    for (const step of this.rubric.procedure.filter((s) => s.phase === phase)) {
      if (!offered?.has(step.act) && !done.has(step.act)) continue;
      const ok = done.has(step.act);
      this.evidence.push({
        t: this.now,
        contact: run.id,
        phase,
        criterion: step.criterion,
        points: ok ? step.points : step.missing,
        max: step.points,
        why: ok ? step.why : step.whyMissing,
        source: 'procedure',
        act: step.act,
      });
    }
  }

  private tick(dt: number) {
    while (this.arrivals.length && this.arrivals[0].at <= this.now) {
      const run = this.contact(this.arrivals.shift()!.contact);
      run.arrive(this.now);
      this.say(
        run,
        'narrator',
        {
          fr: `${run.def.visitor.civility} ${run.def.visitor.name} arrive à l'accueil.`,
          en: `${run.def.visitor.civility === 'Madame' ? 'Ms' : 'Mr'} ${run.def.visitor.name} comes to the desk.`,
        },
        'fr',
      );
      const opening = run.def.phases.greeting.opening;
      if (opening) this.say(run, 'visitor', opening, run.visitor.language);
    }
    for (const run of this.contacts.filter((c) => c.status === 'present')) {
      const situation = run.phaseState() === 'colleagueHere' ? 'dialogue' : run.situation();
      if (run.arrivedAt === this.now) continue; // time only weighs from the moment they are here
      run.visitor = drain(run.visitor, dt, situation);
      const lines = run.def.visitor.lines;
      if (situation === 'unattended' && !run.spokeUp && this.now - run.arrivedAt! >= SPEAK_UP_AFTER && !run.visitor.traits.includes('hesitant')) {
        run.spokeUp = true;
        if (lines?.speakUp) this.say(run, 'visitor', lines.speakUp, run.visitor.language);
      }
      if (run.visitor.patience <= 0) this.exhausted(run, situation);
      if (run.status === 'present' && run.colleagueAt !== undefined && this.now >= run.colleagueAt) {
        this.log.push({ t: this.now, contact: run.id, speaker: 'colleague', text: run.def.waiting!.arrival, lang: 'fr', phase: 'waiting' });
        this.phaseChanged(run, run.colleagueArrives());
      }
    }
  }

  private exhausted(run: ContactRun, situation: string) {
    run.exhaustions += 1;
    const lines = run.def.visitor.lines;
    if (run.exhaustions >= 2) {
      if (lines?.walkOut) this.say(run, 'visitor', lines.walkOut, run.visitor.language);
      this.abandon(run);
      return;
    }
    if (lines?.complain) this.say(run, 'visitor', lines.complain, run.visitor.language);
    run.visitor = { ...run.visitor, mood: Math.max(0, run.visitor.mood + EXHAUSTED_MOOD), patience: PATIENCE_AFTER_COMPLAINT };
    if (situation === 'unattended' || situation === 'waiting') {
      const rule = this.rubric.observations.patienceExhausted;
      this.evidence.push({
        t: this.now,
        contact: run.id,
        phase: run.activePhase()!,
        criterion: rule.criterion,
        points: rule.points,
        max: 0,
        why: rule.why,
        source: 'patience',
      });
    }
  }

  /** The visitor walks out: what was left of the procedure counts as not done. */
  private abandon(run: ContactRun) {
    const phase = run.activePhase()!;
    if (run.acknowledgedAt === undefined) this.acknowledge(run, false);
    run.walkOut();
    const scripted = (p: Phase) => new Set(run.def.phases[p]?.options.map((o) => o.act));
    this.checkProcedure(run, phase, new Set([...(run.offered.get(phase) ?? []), ...scripted(phase)]));
    for (const later of PHASES.slice(PHASES.indexOf(phase) + 1).filter((p) => p !== 'waiting')) {
      this.checkProcedure(run, later, scripted(later));
    }
  }

  private closed = false;
  /** End of shift: contacts still at the desk leave without the procedure finished. */
  private close() {
    if (this.closed) return;
    this.closed = true;
    for (const run of this.contacts.filter((c) => c.status === 'present')) this.abandon(run);
  }
}
