import type { Lang } from '../core/schema/common';
import type { Line } from '../core/schema/scenario';
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

export function visitorLabel(shift: Shift, contact: string): string {
  const v = shift.contacts.find((x) => x.id === contact)?.def.visitor;
  return v ? `${v.civility === 'Madame' ? t('play.ms') : t('play.mr')} ${v.name}` : '';
}

/** A log entry as shown: who speaks, what is said (or what happens), in which language. */
export function entryWords(entry: LogEntry, shift: Shift): { who: string; text: string; lang?: Lang; translation?: string } {
  if (entry.event === 'arrival') return { who: '', text: t('narration.arrival', { name: visitorLabel(shift, entry.contact) }) };
  if (entry.event === 'walkout') return { who: '', text: t('narration.walkout', { name: visitorLabel(shift, entry.contact) }) };
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
