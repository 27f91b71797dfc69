import type { ShiftResult } from '../core/result';
import type { Rubric, Status } from '../core/schema/rubric';
import type { Option, Scenario } from '../core/schema/scenario';
import { findIndicator } from '../core/scoring/indicators';
import type { ObservationRecord } from '../core/scoring/observation';
import { t, tx } from '../i18n';
import { mmss } from './dom';
import { about, type Person, personOf } from './words';

const SEVERITY: Record<Status, number> = { grave: 0, breach: 1, missed: 2, partly: 3, met: 4 };

/** Every option of the scenario by contact and id, to quote what a professional would have said. */
export function optionFinder(scenario: Scenario) {
  return (contact: string, id: string | undefined): Option | undefined => {
    const c = scenario.contacts.find((x) => x.id === contact);
    if (!c || !id) return undefined;
    return [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? []), ...(c.after ?? [])].find((o) => o.id === id);
  };
}

/** The indicator's own words. */
export function indicatorText(rubric: Rubric, ref: string): string {
  const found = findIndicator(rubric, ref);
  return found ? tx(found.indicator.text) : ref;
}

/** When it happened, in which phase ('after': follow-up once the contact is over). */
export function momentWords(o: Pick<ObservationRecord, 't' | 'phase'>): string {
  return `${mmss(o.t)} · ${t(`phase.${o.phase}`)}`;
}

/** "En anglais : « … »", "Face à elle : « … »", "In English: “…”": how a line is said, then the line. */
const SAID_HOW = /^((?:En|Face à|À|Au|Aux|In|Facing|To) [^:«“]*?) ?: ([«“].*)$/su;

/**
 * What a professional would have done instead: a line in quotes (« … », “…”) was said,
 * « Un professionnel aurait dit : « … » », or said some way (« …, en anglais : « … » »);
 * anything else is an act, « Un professionnel aurait fait ceci : … ».
 */
export function betterWords(text: string): string {
  const line = text.trim();
  if (/^[«“"]/.test(line)) return t('coach.betterSaid', { text: line });
  const how = SAID_HOW.exec(line);
  if (how) return t('coach.betterSaidHow', { how: how[1].charAt(0).toLowerCase() + how[1].slice(1), text: how[2] });
  return t('coach.betterDone', { text: line });
}

/**
 * One observation in words: what the student did or did not do, and why it counts.
 * With `person`, sentences about the visitor or caller agree with them (« Mme Lenoir est
 * repartie… », « M. Petit a raccroché… »); without, they stay impersonal.
 */
export function observationText(
  o: ObservationRecord,
  rubric: Rubric,
  option: (contact: string, id?: string) => Option | undefined,
  person?: (contact: string) => Person | undefined,
): string {
  const why = o.why
    ? tx(o.why)
        .replace('{s}', String(o.seconds ?? ''))
        .replace('{r}', String(o.rings ?? ''))
    : '';
  const who = person?.(o.contact);
  switch (o.kind) {
    case 'omission':
      return t('coach.omission', { indicator: indicatorText(rubric, o.indicator) });
    case 'walkout':
      return t('coach.walkout', { name: who?.label, context: about(who) });
    case 'cut-short':
      return t('coach.cutShort', { name: who?.label, context: about(who) });
    case 'tool':
      return `${why} ${t('coach.toolWrong', {
        fields: (o.wrong ?? [])
          .map((f) => (o.problems?.[f] ? `${t(`coach.field.${f}`)} (${t(`coach.problem.${o.problems[f]}`)})` : t(`coach.field.${f}`)))
          .join(', '),
      })}`;
    case 'option': {
      const chosen = option(o.contact, o.option);
      return chosen ? `${tx(chosen.text)} — ${why}` : why;
    }
    default:
      return why;
  }
}

export interface FocusPoint {
  observation: ObservationRecord;
  when: string;
  what: string;
  better?: string;
}

/**
 * The three things to work on first: the most serious observations (a grave fault
 * before a fault, before an omission, before a minor gap), essentials first, each
 * with the moment it happened and what a professional would have said there.
 */
export function focusPoints(result: ShiftResult, rubric: Rubric, scenario: Scenario, count = 3): FocusPoint[] {
  const option = optionFinder(scenario);
  const person = (contact: string) => personOf(scenario, contact);
  const essential = new Set(Object.values(result.criteria).flatMap((c) => c.indicators.filter((i) => i.essential).map((i) => i.ref)));
  const seen = new Set<string>();
  return result.observations
    .filter((o) => o.status !== 'met')
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || Number(essential.has(b.indicator)) - Number(essential.has(a.indicator)) || a.t - b.t)
    .filter((o) => !seen.has(o.indicator) && seen.add(o.indicator))
    .slice(0, count)
    .map((o) => {
      const better = option(o.contact, o.better);
      return {
        observation: o,
        when: momentWords(o),
        what: observationText(o, rubric, option, person),
        better: better ? tx(better.text) : undefined,
      };
    });
}
