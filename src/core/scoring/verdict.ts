import type { ShiftResult } from '../result';
import type { Text } from '../schema/common';

/**
 * Why a situation fails whatever the average of its criteria (GRADING.md): a grave fault
 * towards a visitor or caller (confidential information given away, a visitor sent up alone
 * to an empty office, wrong information given without checking, an unwell person left alone,
 * insulting them), or a request left unmet (wrong orientation, a caller abandoned on hold or
 * hung up on, a visitor who walked out). Structured: `src/ui` words it.
 */
export interface SituationFault {
  kind: 'grave' | 'need-unmet' | 'walked-out';
  contact: string;
  /** Seconds since the start of the shift. */
  t: number;
  /** The grave fault's indicator ("CP6.confidential") and the act behind it. */
  indicator?: string;
  option?: string;
  /** Why that act was a grave fault, as the scenario or the behaviour library says it. */
  why?: Text;
}

export interface Verdict {
  failed: boolean;
  faults: SituationFault[];
}

export function verdictOf(result: Pick<ShiftResult, 'observations' | 'contacts' | 'timeline'>): Verdict {
  const faults: SituationFault[] = [];
  // The start-of-shift preparation is presentation (CP1), not a fault towards anyone.
  for (const o of result.observations)
    if (o.status === 'grave' && o.contact !== 'desk')
      faults.push({ kind: 'grave', contact: o.contact, t: o.t, indicator: o.indicator, option: o.option, why: o.why });
  for (const c of result.contacts) {
    if (c.satisfaction.needMet) continue;
    const left = result.timeline.find((e) => e.contact === c.id && (e.event === 'walkout' || e.event === 'hangup'));
    const unmet = result.observations.find((o) => o.contact === c.id && o.indicator.endsWith('.need') && o.status !== 'met' && o.status !== 'partly');
    faults.push({ kind: c.satisfaction.walkedOut ? 'walked-out' : 'need-unmet', contact: c.id, t: left?.t ?? unmet?.t ?? 0 });
  }
  faults.sort((a, b) => a.t - b.t);
  return { failed: faults.length > 0, faults };
}
