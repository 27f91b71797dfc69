import type { Phase } from '../machines/procedure';
import type { Text } from '../schema/common';
import type { Rubric, Status } from '../schema/rubric';
import type { Contact, Option, Scenario } from '../schema/scenario';
import { type ObservationRecord, VALUE } from '../scoring/observation';
import type { ContactRun } from './contact-run';

/** Acts that deal with the request: without one, the contact was cut short. */
const HANDLING_ACTS = new Set(['ANSWER', 'DEFER', 'HAND_OVER', 'TRANSFER', 'HOLD']);

/** Indicator ids never hold a dot, criterion ids may ("T22.5.slip"). */
const criterionOf = (indicator: string) => indicator.slice(0, indicator.lastIndexOf('.'));

/** An option's worth and whether it breaks anything, once per option (scenario data never changes). */
const merits = new WeakMap<Option, { worth: number; faulty: boolean }>();
function meritOf(o: Option) {
  let m = merits.get(o);
  if (!m) {
    const obs = o.observe ?? [];
    m = { worth: obs.reduce((s, x) => s + VALUE[x.as], 0), faulty: obs.some((x) => x.as === 'breach' || x.as === 'grave') };
    merits.set(o, m);
  }
  return m;
}
/** Sort order of recommendations: clean (no fault elsewhere) before mixed, best worth first. */
const ranks = (a: Option, b: Option) => Number(meritOf(a).faulty) - Number(meritOf(b).faulty) || meritOf(b).worth - meritOf(a).worth;
/** Per contact: every phase and anytime option, and the phase each phase option belongs to (first listed wins). */
const scripts = new WeakMap<Contact, { options: Option[]; phaseOf: Map<Option, Phase> }>();
function scriptOf(def: Contact) {
  let s = scripts.get(def);
  if (!s) {
    const phaseOf = new Map<Option, Phase>();
    for (const [p, script] of Object.entries(def.phases)) for (const o of script?.options ?? []) if (!phaseOf.has(o)) phaseOf.set(o, p as Phase);
    s = { options: [...Object.values(def.phases).flatMap((p) => p?.options ?? []), ...(def.anytime ?? [])], phaseOf };
    scripts.set(def, s);
  }
  return s;
}
const meets = (o: Option, indicator: string) => o.observe?.some((x) => x.indicator === indicator && x.as === 'met') ?? false;

/**
 * A rubric's automatic observation as it applies to this contact: its `face` variant (indicator
 * and words) for a visitor at the counter of a mixed desk, when the rubric gives one.
 */
function forContact<R extends { indicator: string; why: Text; steady?: Text; face?: { indicator: string; why: Text; steady?: Text } }>(
  rule: R,
  run: ContactRun,
): R {
  return run.channel === 'face' && rule.face ? { ...rule, ...rule.face } : rule;
}

/**
 * Turns what happens at the desk into observations on the rubric's indicators.
 * Each fault is counted once, where it belongs: an indicator that an offered option
 * would have met, and that nothing observed, is one omission when the contact ends
 * — never also a "missed option" at each decision.
 */
export class Observer {
  readonly records: ObservationRecord[] = [];
  /** The same records by contact: a contact's end looks at its own, not at the whole shift's (long shifts). */
  private readonly byContact = new Map<string, ObservationRecord[]>();
  /** Indicators only met or broken by acts, never missed by omission (calm, courtesy). */
  private readonly noOmission: Set<string>;

  constructor(
    private readonly scenario: Scenario,
    private readonly rubric: Rubric,
  ) {
    this.noOmission = new Set(rubric.criteria.flatMap((c) => c.indicators.filter((i) => !i.omission).map((i) => `${c.id}.${i.id}`)));
  }

  /** Every caller passes a fresh literal: completing it in place keeps the key order of a copy, without the copy. */
  private add(r: Omit<ObservationRecord, 'criterion'>) {
    (r as ObservationRecord).criterion = criterionOf(r.indicator);
    this.records.push(r as ObservationRecord);
    const mine = this.byContact.get(r.contact);
    if (mine) mine.push(r as ObservationRecord);
    else this.byContact.set(r.contact, [r as ObservationRecord]);
  }

  private of(contact: string): readonly ObservationRecord[] {
    return this.byContact.get(contact) ?? [];
  }

  preparation(t: number, prepared: string[]) {
    const prep = this.rubric.preparation;
    if (!prep) return;
    // Literals, not a spread of shared fields: a spread with more keys costs microseconds per record.
    const at = (indicator: string, status: Status, why: Text | undefined, option: string | undefined) =>
      ({ t, contact: 'desk', phase: 'preparation', kind: 'preparation', indicator, status, why, option }) as const;
    const outfit = prep.outfits.find((o) => prepared.includes(o.id));
    const fits = outfit?.suits.includes(this.scenario.venue);
    this.add(at(prep.outfit.indicator, fits ? 'met' : (outfit?.unsuitable ?? 'missed'), outfit ? outfit.why : prep.outfit.whyMissing, outfit?.id));
    for (const task of prep.tasks) {
      const done = prepared.includes(task.id);
      this.add(at(task.indicator, done ? 'met' : task.unmet, done ? task.why : task.whyMissing, task.id));
    }
  }

  /** Rings heard before `t` on a call that started ringing at its arrival (the first ring at once). */
  private ringsAt(run: ContactRun, t: number, ring: number) {
    return Math.floor((t - run.arrivedAt!) / ring) + 1;
  }

  /** `serving`: the student was busy with someone else between the arrival and now. */
  acknowledged(run: ContactRun, t: number, serving = false) {
    const pickUp = this.rubric.observations.pickUp;
    if (run.channel === 'phone' && pickUp) {
      const rings = this.ringsAt(run, t, pickUp.ring);
      const band = pickUp.bands.find((b) => rings <= b.within) ?? pickUp.later;
      const r: Omit<ObservationRecord, 'criterion'> = {
        t,
        contact: run.id,
        phase: 'greeting',
        indicator: pickUp.indicator,
        status: band.as,
        why: band.why,
        kind: 'timing',
      };
      r.seconds = t - run.arrivedAt!;
      r.rings = rings;
      this.add(r);
      return;
    }
    const rule = this.rubric.observations.acknowledge;
    const seconds = t - run.arrivedAt!;
    const band = rule.bands.find((b) => seconds <= b.within) ?? (serving ? rule.whileServing : undefined) ?? rule.later;
    this.add({ t, contact: run.id, phase: 'greeting', indicator: rule.indicator, status: band.as, why: band.why, kind: 'timing', seconds });
  }

  neverAcknowledged(run: ContactRun, t: number) {
    const pickUp = this.rubric.observations.pickUp;
    if (run.channel === 'phone' && pickUp) {
      const r: Omit<ObservationRecord, 'criterion'> = {
        t,
        contact: run.id,
        phase: 'greeting',
        indicator: pickUp.indicator,
        status: pickUp.later.as,
        why: pickUp.unanswered ?? pickUp.later.why,
        kind: 'timing',
      };
      r.seconds = t - run.arrivedAt!;
      // Rings heard before it stopped: a caller who hangs up as the next ring would start did not hear it (the call log agrees).
      r.rings = Math.max(1, this.ringsAt(run, t - 0.001, pickUp.ring));
      r.never = true;
      this.add(r);
      return;
    }
    const rule = this.rubric.observations.acknowledge;
    this.add({
      never: true,
      t,
      contact: run.id,
      phase: run.activePhase() ?? 'greeting',
      indicator: rule.indicator,
      status: rule.later.as,
      why: rule.later.why,
      kind: 'timing',
      seconds: t - run.arrivedAt!,
    });
  }

  /**
   * The student's own act: its observations, downgraded when a tool's content is wrong.
   * A fault names the better option that was on offer at that moment, if one was.
   */
  chosen(
    run: ContactRun,
    option: Option,
    phase: Phase | 'after',
    t: number,
    wrong: string[] | undefined,
    offered: Option[],
    problems?: ObservationRecord['problems'],
  ) {
    for (const o of option.observe ?? []) {
      const off = wrong?.length && o.as === 'met';
      const better =
        o.as === 'met'
          ? undefined
          : this.best(
              offered.filter((x) => x !== option),
              o.indicator,
            )?.id;
      const r: Omit<ObservationRecord, 'criterion'> = {
        t,
        contact: run.id,
        phase,
        indicator: o.indicator,
        status: off ? this.toolStatus(wrong) : o.as,
        why: o.why,
        kind: off ? 'tool' : 'option',
        option: option.id,
        rule: o.rule,
      };
      // Set after, in this order: the keys of a literal with these spread in (spreads cost microseconds here).
      if (off) r.wrong = wrong;
      if (off && problems) r.problems = problems;
      if (better) r.better = better;
      this.add(r);
    }
  }

  /** An incomplete form (one field off) is a lesser gap than a form that cannot do its job. */
  private toolStatus(wrong: string[]): Status {
    const rule = this.rubric.observations.toolContent;
    return wrong.length === 1 && wrong[0] !== 'time' && rule.oneField ? rule.oneField : rule.as;
  }

  /**
   * Two things at once (C321.1): excused oneself to the visitor before picking up (met),
   * picked up without a word to them (missed), served them with a caller on an open line
   * (partly), let a call ring out while serving them (missed).
   */
  simultaneous(run: ContactRun, t: number, how: 'excused' | 'unexcused' | 'unparked' | 'lost') {
    const rule = this.rubric.observations.simultaneous;
    if (!rule) return;
    // Dropping the visitor without a word fails the competence itself; an open line is a lesser gap.
    const status = how === 'excused' ? 'met' : how === 'unparked' ? 'partly' : 'missed';
    this.add({ t, contact: run.id, phase: run.activePhase() ?? 'greeting', indicator: rule.indicator, status, why: rule[how], kind: 'simultaneous' });
  }

  /** A caller on hold spoken to again after too long without news (the rubric's `holdNews`), once per hold. */
  holdNews(run: ContactRun, t: number, silent: number, announced: number) {
    const rule = this.rubric.observations.holdNews;
    if (!rule || silent <= Math.max(rule.within, announced)) return;
    this.add({ t, contact: run.id, phase: 'waiting', indicator: rule.indicator, status: rule.as, why: rule.why, kind: 'hold', seconds: silent });
  }

  patience(run: ContactRun, t: number) {
    const rule = forContact(this.rubric.observations.patienceExhausted, run);
    this.add({ t, contact: run.id, phase: run.activePhase() ?? 'waiting', indicator: rule.indicator, status: rule.as, why: rule.why, kind: 'patience' });
  }

  walkedOut(run: ContactRun, t: number, phase: Phase | undefined) {
    const rule = forContact(this.rubric.observations.walkOut, run);
    this.add({ t, contact: run.id, phase: phase ?? 'leave', indicator: rule.indicator, status: 'missed', why: rule.why, kind: 'walkout' });
    this.needUnmet(run, t, phase ?? 'leave', 'walkout');
  }

  /** A contact that ends without any act meeting the real need: the need is missed (once, unless already observed). */
  private needUnmet(run: ContactRun, t: number, phase: Phase, kind: 'walkout' | 'omission') {
    const rule = forContact(this.rubric.observations.needUnmet, run);
    if (run.ctx.solved || this.of(run.id).some((r) => r.indicator === rule.indicator)) return;
    this.add({ t, contact: run.id, phase, indicator: rule.indicator, status: 'missed', why: rule.why, kind, consequence: true });
  }

  /** The contact is over: indicators an offered option would have met, and nothing observed, were missed. */
  ended(run: ContactRun, t: number) {
    if (!run.walkedOut) {
      this.needUnmet(run, t, 'leave', 'omission');
      // Taking leave before the request was handled at all (no answer, no deferral) cuts the visitor short.
      if (!run.ctx.acts.some((a) => HANDLING_ACTS.has(a))) {
        const rule = forContact(this.rubric.observations.walkOut, run);
        this.add({ t, contact: run.id, phase: 'leave', indicator: rule.indicator, status: 'missed', kind: 'cut-short' });
      }
    }
    // Attitudes show in every contact, not only a tense one (GRADING.md, CP4): a contact the
    // student engaged with and where no act showed a lapse counts as composure kept.
    const composure = forContact(this.rubric.observations.composure, run);
    const tense = run.entered().find((p) => run.def.phases[p]?.tension);
    if ((tense || run.acknowledgedAt !== undefined) && !this.of(run.id).some((r) => r.indicator === composure.indicator)) {
      this.add({
        t,
        contact: run.id,
        phase: tense ?? run.entered()[0] ?? 'greeting',
        indicator: composure.indicator,
        status: 'met',
        why: tense ? composure.why : (composure.steady ?? composure.why),
        kind: 'composure',
      });
    }
    // A call put through to a colleague never reaches the leave-taking: its options were not owed.
    const outcomes = run.ctx.outcomes;
    const transferred = outcomes.handling === 'transferred' || outcomes.waiting === 'transferred';
    const leave = run.def.phases.leave.options;
    this.omissions(run, t, transferred ? scriptOf(run.def).options.filter((o) => !leave.includes(o)) : scriptOf(run.def).options);
  }

  /** The file is closed: follow-up that was on offer and not done is missed too. */
  closedFile(run: ContactRun, t: number) {
    this.omissions(run, t, run.def.after ?? [], 'after');
  }

  private omissions(run: ContactRun, t: number, options: Option[], phase?: 'after') {
    const observed = new Set(this.of(run.id).map((r) => r.indicator));
    const better = new Map<string, Option>();
    const offered = options.filter((x) => run.offered.has(x.id));
    for (const o of offered) {
      for (const ob of o.observe ?? []) {
        if (ob.as !== 'met' || observed.has(ob.indicator) || better.has(ob.indicator)) continue;
        better.set(ob.indicator, this.best(offered, ob.indicator)!);
      }
    }
    for (const [indicator, o] of better) {
      if (this.noOmission.has(indicator)) continue;
      const where = phase ?? this.phaseOf(run, o);
      this.add({ t, contact: run.id, phase: where, indicator, status: 'missed', kind: 'omission', better: o.id });
    }
  }

  /** The option to recommend for an indicator: one that meets it, clean (no fault elsewhere) before mixed, best worth first. */
  private best(options: Option[], indicator: string): Option | undefined {
    // The first of the lowest rank, as a stable sort would put first.
    let best: Option | undefined;
    for (const o of options) if (meets(o, indicator) && (!best || ranks(o, best) < 0)) best = o;
    return best;
  }

  private phaseOf(run: ContactRun, o: Option): Phase {
    return scriptOf(run.def).phaseOf.get(o) ?? run.activePhase() ?? 'greeting';
  }
}
