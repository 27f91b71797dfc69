import type { Count, Level, Rubric, Status } from '../schema/rubric';
import { type ObservationRecord, worst } from './observation';

export interface IndicatorScore {
  /** "CP3.welcome". */
  ref: string;
  /** Worst observation; null: no occasion in this run. */
  status: Status | null;
  essential: boolean;
  observations: ObservationRecord[];
}

export interface CriterionScore {
  /** null: no indicator had an occasion, so the criterion is not assessed (never zero). */
  level: Level | null;
  indicators: IndicatorScore[];
  /** Indicators met, of those assessed: a secondary figure, never the level's source. */
  met: number;
  assessed: number;
  /** Index of the rubric rule that gave the level (none: every indicator met). */
  rule?: number;
  counts: Record<Count, number>;
  observations: ObservationRecord[];
}

/**
 * Counts the rubric's level rules test, from the indicators' worst observations.
 * `breach` counts serious faults as acts (two lapses on one indicator are two faults;
 * one act breaking two indicators of a criterion is one); `compounded` is what makes
 * faults add up (GRADING.md): the acts that were a serious fault or missed an essential
 * indicator, counted only when at least one was a serious fault.
 */
export function countsOf(indicators: IndicatorScore[]): Record<Count, number> & { essentials: number; assessed: number } {
  // One pass (six filters per criterion were a tenth of a shift's scoring).
  const counts = { grave: 0, breach: 0, essentialNotMet: 0, notMet: 0, partly: 0, compounded: 0, absent: 0, gaps: 0, essentials: 0, assessed: 0 };
  const breaches = new Set<string>();
  const faults = new Set<string>();
  // The need left unmet at the end is the consequence of an essential missed elsewhere: one fault, not two.
  const causes = indicators.filter((i) => i.essential && i.observations.some((o) => !o.consequence && isNotMet(o.status)));
  for (const i of indicators) {
    if (i.status === null) continue;
    const consequenceOnly = i.observations.some((o) => o.consequence) && i.observations.every((o) => o.consequence || !isNotMet(o.status));
    if (consequenceOnly && causes.some((c) => c !== i)) {
      if (i.essential) counts.essentials++;
      continue;
    }
    counts.assessed++;
    const notMet = isNotMet(i.status);
    if (i.status === 'grave') counts.grave++;
    if (i.essential && notMet) counts.essentialNotMet++;
    if (notMet) counts.notMet++;
    // Absent: not shown at all, at no moment of the shift (a late acknowledgement was still shown).
    if (notMet && !i.observations.some((o) => o.status === 'met' || o.status === 'partly' || (o.kind === 'timing' && !o.never))) counts.absent++;
    if (i.status === 'partly') counts.partly++;
    if (notMet || i.status === 'partly') counts.gaps++;
    if (i.essential) counts.essentials++;
    let seen = false;
    for (const o of i.observations) {
      // Time's toll recorded again the same way (a hold with no news, then still none) is one
      // fault, not one per moment; another way (no news, then the caller worn out) is another.
      const act = o.kind === 'patience' || o.kind === 'hold' ? `${o.contact}|${o.kind}|${i.ref}` : `${o.contact}|${o.option ?? o.kind}|${o.t}`;
      if (o.status === 'breach') breaches.add(act), faults.add(act), (seen = true);
      else if (o.status === 'missed' && i.essential) faults.add(act);
    }
    // An indicator scored without its moments (tests) still counts once.
    if (i.status === 'breach' && !seen) breaches.add(i.ref), faults.add(i.ref);
    if (i.status === 'missed' && i.essential && !i.observations.length) faults.add(`${i.ref} missed`);
  }
  counts.breach = breaches.size;
  counts.compounded = breaches.size ? faults.size : 0;
  return counts;
}

const isNotMet = (s: Status | null) => s !== null && s !== 'met' && s !== 'partly';

/** The level the rubric's rules give: the first rule that matches, TS when none does. */
export function levelFor(rules: Rubric['rules'], indicators: IndicatorScore[]): { level: Level | null; rule?: number } {
  if (!indicators.some((i) => i.status !== null)) return { level: null };
  const counts = countsOf(indicators);
  const index = rules.findIndex((r) =>
    r.any.some(
      (test) =>
        counts[test.count] >= test.atLeast &&
        (test.shareOfEssentials === undefined || counts[test.count] > test.shareOfEssentials * counts.essentials) &&
        (test.shareOfAssessed === undefined || counts[test.count] >= test.shareOfAssessed * counts.assessed) &&
        (test.with === undefined || counts[test.with.count] >= test.with.atLeast),
    ),
  );
  return index >= 0 ? { level: rules[index].level, rule: index } : { level: 'TS' };
}

/**
 * Per-criterion levels, in the rubric's order. `essential` lists the indicators a
 * scenario made essential on top of the rubric's own (facing a lip-reader).
 */
export function scoreCriteria(rubric: Rubric, observations: ObservationRecord[], essential: ReadonlySet<string> = new Set()): Record<string, CriterionScore> {
  const out: Record<string, CriterionScore> = {};
  // Grouped in one pass, in the order observed (a filter per criterion and indicator was most of the scoring time).
  const byCriterion = groupBy(observations, (o) => o.criterion);
  const byIndicator = groupBy(observations, (o) => o.indicator);
  for (const c of rubric.criteria) {
    const mine = byCriterion.get(c.id) ?? [];
    const indicators: IndicatorScore[] = c.indicators.map((i) => {
      const ref = `${c.id}.${i.id}`;
      const obs = (byIndicator.get(ref) ?? []).filter((o) => o.criterion === c.id);
      return {
        ref,
        status: obs.length ? obs.map((o) => o.status).reduce(worst) : null,
        essential: i.essential || essential.has(ref),
        observations: obs,
      };
    });
    const { level, rule } = levelFor(rubric.rules, indicators);
    const assessed = indicators.filter((i) => i.status !== null);
    const { essentials: _, assessed: __, ...counts } = countsOf(indicators);
    out[c.id] = { level, rule, indicators, met: assessed.filter((i) => i.status === 'met').length, assessed: assessed.length, counts, observations: mine };
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
