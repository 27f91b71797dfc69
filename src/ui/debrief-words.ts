import type { ShiftResult } from '../core/result';
import type { Level, Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import type { SituationFault } from '../core/scoring/verdict';
import { t, tx } from '../i18n';
import { indicatorText, optionFinder } from './coaching';
import { mmss } from './dom';
import { about, gender, personOf } from './words';

/**
 * The debrief's sentences, made without the DOM so a test can read every one of them
 * for every shipped scenario: they agree in number with their count, in gender with
 * the visitor, and say "caller" and "hung up" on the phone.
 */

/** "1 indicateur atteint sur 2", "2 indicateurs atteints sur 3": the noun agrees with the number met. */
export function indicatorsMetWords(met: number, assessed: number): string {
  return t('debrief.indicatorsMet', { count: met, total: assessed });
}

/** How far the self-assessment is from the level (levels lowest first). */
export function gapWords(levels: readonly Level[], self: Level, level: Level | null): string {
  if (!level) return t('debrief.gapNotAssessed');
  const d = levels.indexOf(self) - levels.indexOf(level);
  if (d === 0) return t('debrief.gapSame');
  return d > 0 ? t('debrief.gapOver', { count: d }) : t('debrief.gapUnder', { count: -d });
}

/** Why the situation failed, one fault: a grave act, a visitor who left (or a caller who hung up), a need left unmet. */
export function faultWords(f: SituationFault, scenario: Scenario, rubric: Rubric): string {
  const when = mmss(f.t);
  const who = personOf(scenario, f.contact);
  const name = who?.label ?? f.contact;
  if (f.kind === 'grave') {
    const act = optionFinder(scenario)(f.contact, f.option);
    // The reason the act was grave says more than the indicator's wording (a criterion quoted in the masculine).
    return t('debrief.faultGrave', { when, indicator: f.why ? tx(f.why) : indicatorText(rubric, f.indicator!), act: act ? tx(act.text) : '' });
  }
  if (f.kind === 'walked-out') return t('debrief.faultWalkedOut', { when, name, context: about(who) });
  return t('debrief.faultNeed', { when, name });
}

/** "64/100 — mécontente": the level agrees with the one visitor or caller; several people keep the generic masculine. */
export function satisfactionWords(result: ShiftResult, scenario: Scenario): string {
  const sat = result.satisfaction;
  const only = scenario.contacts.length === 1 ? personOf(scenario, scenario.contacts[0].id) : undefined;
  return t('debrief.satisfactionValue', { score: sat.score, level: t(`satisfaction.${sat.level}`, { context: gender(only?.female) }) });
}

/** Whether the need was met, and who left before the end: "Mme Lenoir est repartie…", "M. Petit a raccroché…". */
export function needWords(result: ShiftResult, scenario: Scenario): string {
  const sat = result.satisfaction;
  const need = sat.needMet ? t('debrief.needMet') : t('debrief.needNotMet');
  if (!sat.walkedOut) return need;
  const gone = result.contacts.filter((c) => c.satisfaction.walkedOut).map((c) => personOf(scenario, c.id));
  const left = gone.map((who) => t('debrief.walkedOut', { name: who?.label ?? '', context: about(who) })).join(' ');
  return `${need} ${left}`;
}
