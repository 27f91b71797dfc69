import type { Phase } from '../machines/procedure';
import type { Text } from '../schema/common';
import type { Option } from '../schema/scenario';

/** One point given or taken, and why: the unit of every grade Comptoir shows. */
export interface EvidenceRecord {
  /** Seconds since the start of the shift. */
  t: number;
  contact: string;
  /** 'preparation': the start-of-shift checks, before any contact. */
  phase: Phase | 'preparation';
  criterion: string;
  points: number;
  /** The most this moment could have earned on this criterion. */
  max: number;
  why: Text;
  /** option: the student's own act; missed: a better act was possible; timing, procedure, patience: observed by the engine. */
  source: 'option' | 'missed' | 'timing' | 'procedure' | 'patience';
  act?: string;
  option?: string;
}

type Where = Pick<EvidenceRecord, 't' | 'contact' | 'phase'>;

const pointsOn = (o: Option, c: string) => (o.evidence ?? []).filter((e) => e.criterion === c).reduce((s, e) => s + e.points, 0);
const criteriaOf = (options: Option[]) => new Set(options.flatMap((o) => (o.evidence ?? []).map((e) => e.criterion)));

/** Speech is already quoted in scenarios; actions ("Stand up") are not. */
const quoted = (text: string, open: string, close: string) => (/^[«“"]/.test(text) ? text : `${open}${text}${close}`);

function missed(where: Where, o: Option, criterion: string, max: number): EvidenceRecord {
  const best = (o.evidence ?? []).find((e) => e.criterion === criterion)!;
  return {
    ...where,
    criterion,
    points: 0,
    max,
    source: 'missed',
    act: o.act,
    option: o.id,
    why: {
      fr: `Occasion manquée : ${quoted(o.text.fr, '« ', ' »')} — ${best.why.fr}`,
      en: `Missed opportunity: ${quoted(o.text.en, '“', '”')} — ${best.why.en}`,
    },
  };
}

/**
 * Evidence for one decision. `alternatives` are options this act ruled out (they
 * led elsewhere): the best of them and of the chosen option sets the max.
 * `dropped` are independent opportunities the act closed for good (posture,
 * a useful question never asked): each one missed is its own record.
 */
export function decisionEvidence(where: Where, chosen: Option, alternatives: Option[], dropped: Option[]): EvidenceRecord[] {
  const records: EvidenceRecord[] = [];
  for (const c of criteriaOf([chosen, ...alternatives])) {
    const bestAlt = alternatives.reduce((best, o) => (pointsOn(o, c) > pointsOn(best, c) ? o : best), chosen);
    const max = Math.max(0, pointsOn(chosen, c), pointsOn(bestAlt, c));
    const own = (chosen.evidence ?? []).filter((e) => e.criterion === c);
    if (own.length === 0) {
      if (max > 0) records.push(missed(where, bestAlt, c, max));
      continue;
    }
    own.forEach((e, i) =>
      records.push({ ...where, criterion: c, points: e.points, max: i === 0 ? max : 0, why: e.why, source: 'option', act: chosen.act, option: chosen.id }),
    );
  }
  for (const o of dropped) {
    for (const c of criteriaOf([o])) {
      const p = pointsOn(o, c);
      if (p > 0) records.push(missed(where, o, c, p));
    }
  }
  return records;
}

/** The score an option earns against what it closes: used by the ideal policy to look one step ahead. */
export function regret(chosen: Option, alternatives: Option[], dropped: Option[]): number {
  return decisionEvidence({ t: 0, contact: '', phase: 'greeting' }, chosen, alternatives, dropped).reduce((s, r) => s + r.max - r.points, 0);
}
