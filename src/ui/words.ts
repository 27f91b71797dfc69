import type { Lang } from '../core/schema/common';
import type { Line, Scenario } from '../core/schema/scenario';
import type { CallLogEntry, LineView } from '../core/shift/phone-desk';
import type { LogEntry, Shift } from '../core/shift/shift';
import { t, tx } from '../i18n';

/**
 * The words of the contact: the core logs structured records, the interface
 * words them here. A visitor speaks their own language whatever the interface's
 * (an English visitor speaks English); the translation is offered beside it.
 */
export function spoken(line: Line, lang: Lang): { text: string; lang: Lang; translation?: string } {
  const own = lang === 'fr' || lang === 'en' ? line[lang] : line[lang];
  const ui = tx(line);
  if (lang === 'fr' || !own) return { text: ui, lang: own ? lang : 'fr' };
  return own === ui ? { text: own, lang } : { text: own, lang, translation: ui };
}

/** Who a sentence is about: the name as shown, the gender the words agree with, and whether they came or called. */
export interface Person {
  label: string;
  female: boolean;
  caller: boolean;
}

/** A contact of the scenario as a person the words can agree with (gender from the civility, channel from the contact). */
export function personOf(scenario: Scenario, contact: string): Person | undefined {
  const c = scenario.contacts.find((x) => x.id === contact);
  if (!c) return undefined;
  const female = c.visitor.civility === 'Madame';
  return { label: `${female ? t('play.ms') : t('play.mr')} ${c.visitor.name}`, female, caller: (c.channel ?? scenario.channel) === 'phone' };
}

/**
 * The i18next context for words about a person: `caller_female`, `visitor_male`… (keys
 * `x_caller_female` and so on). Without a person, the key's own, impersonal words.
 */
export const about = (p: Person | undefined): string | undefined => (p ? `${p.caller ? 'caller' : 'visitor'}_${p.female ? 'female' : 'male'}` : undefined);

/** The i18next context for an adjective or participle that agrees with the person's gender only. */
export const gender = (female: boolean | undefined): string | undefined => (female === undefined ? undefined : female ? 'female' : 'male');

/** The visitors' profiles as a menu card lists them, agreeing with each (« malentendante » for a woman). */
export function traitWords(contacts: readonly { visitor: { traits: readonly string[]; civility: 'Madame' | 'Monsieur' } }[]): string {
  return contacts.flatMap((c) => c.visitor.traits.map((tr) => t(`trait.${tr}`, { context: gender(c.visitor.civility === 'Madame') }))).join(', ');
}

export function visitorLabel(shift: Shift, contact: string): string {
  return personOf(shift.scenario, contact)?.label ?? '';
}

/** A log entry as shown: who speaks, what is said (or what happens), in which language. */
export function entryWords(entry: LogEntry, shift: Shift): { who: string; text: string; lang?: Lang; translation?: string } {
  if (entry.event === 'arrival') return { who: '', text: t('narration.arrival', { name: visitorLabel(shift, entry.contact) }) };
  if (entry.event === 'walkout') return { who: '', text: t('narration.walkout', { name: visitorLabel(shift, entry.contact) }) };
  if (entry.event === 'ring' || entry.event === 'hangup' || entry.event === 'hold' || entry.event === 'transfer') {
    const run = shift.contacts.find((x) => x.id === entry.contact);
    const who = personOf(shift.scenario, entry.contact);
    const context = gender(who?.female);
    return {
      who: '',
      text: t(`narration.${entry.event}`, { name: who?.label ?? '', line: run?.call?.line ?? '', extension: run?.call?.transfer?.extension ?? '', context }),
    };
  }
  if (!entry.text) return { who: '', text: '' };
  if (entry.speaker === 'receptionist')
    return { who: t('play.you'), text: tx(entry.text), lang: entry.lang === 'fr' || entry.lang === 'en' ? undefined : entry.lang };
  if (entry.speaker === 'colleague') return { who: t('play.colleague'), text: tx(entry.text) };
  if (entry.speaker === 'narrator') return { who: '', text: tx(entry.text) };
  return { who: visitorLabel(shift, entry.contact), ...spoken(entry.text, entry.lang) };
}

/** A log entry on one line, for the debrief's timeline. */
export function timelineWords(entry: LogEntry, shift: Shift): string {
  const w = entryWords(entry, shift);
  return w.who ? `${w.who} — ${w.text}` : `${t('speaker.narrator')} — ${w.text}`;
}

/** A caller's tone cue, shown beside the caption (the caller is heard, not seen). */
export function toneWords(line: Line): string | undefined {
  return line.tone ? t(`switchboard.tone.${line.tone}`) : undefined;
}

/** A line key as read by a screen reader: "Line 2 — ringing, 3 ring(s) — Mr Roux". */
export function lineWords(line: LineView, shift: Shift): string {
  const parts = [t('switchboard.line', { line: line.line }), t(`switchboard.state.${line.state}`)];
  if (line.rings !== undefined) parts.push(t('switchboard.rings', { count: line.rings }));
  if (line.hangsUpAt !== undefined) parts.push(t('switchboard.holdLeft', { s: Math.max(0, line.hangsUpAt - shift.now) }));
  if (line.noise) parts.push(t(`switchboard.noise.${line.noise}`));
  if (line.contact) parts.push(visitorLabel(shift, line.contact));
  return parts.join(' — ');
}

/** One line of the call log. */
export function callLogWords(entry: CallLogEntry, shift: Shift): string {
  const who = personOf(shift.scenario, entry.contact);
  const kind =
    entry.kind === 'transferred' && !entry.announcedTransfer ? 'transferredBlind' : entry.kind === 'held' && !entry.announced ? 'heldUnannounced' : entry.kind;
  const rings = entry.rings ?? 0;
  const what =
    kind === 'missed'
      ? t('switchboard.log.missed', { count: rings })
      : t(`switchboard.log.${kind}`, {
          rings,
          s: entry.announced ?? 0,
          extension: entry.extension ?? '',
          context: kind === 'picked-up' ? (rings === 1 ? 'first' : undefined) : gender(who?.female),
        });
  return `${t('switchboard.line', { line: entry.line })} — ${who?.label ?? ''} — ${what}`;
}
