import './path.css';
import { buildPath, levelsOpenedBy, nextStep } from '../core/path/path';
import { t, tx } from '../i18n';
import type { HistoryEntry } from '../platform/store';
import type { ScenarioCard } from './catalog';
import { h } from './dom';
import { notePlayed } from './menu';
import { pathOptions } from './path';

export interface NextStepInput {
  scenarios: readonly ScenarioCard[];
  /** The scenario this debrief is about. */
  justPlayed: string;
  /** Every play on this device, this one included (read once its record is written). */
  records: Promise<HistoryEntry[]>;
  onStart(card: ScenarioCard): void;
}

/**
 * The debrief's "Prochaine étape": the level this play opened, if any, and the one thing
 * to do next with one button — this scenario again while it is still to replay, else the
 * next one of the path (core/path/path.ts nextStep).
 */
export function nextStepBlock(input: NextStepInput): HTMLElement {
  const body = h('div', { 'aria-live': 'polite' });
  const section = h(
    'section',
    { class: 'next-step', id: 'next-step', 'aria-labelledby': 'next-step-title' },
    h('h2', { id: 'next-step-title' }, t('path.next.title')),
    body,
  );
  void input.records.then((records) => {
    const options = pathOptions();
    const path = buildPath(input.scenarios, records, options);
    const latest = records.at(-1);
    const opened = latest?.scenario === input.justPlayed ? levelsOpenedBy(input.scenarios, records, options) : [];
    const next = nextStep(path, input.justPlayed);
    const card = next && input.scenarios.find((c) => c.id === next.id);
    const parts: HTMLElement[] = [];
    if (opened.length) parts.push(h('p', { class: 'path-opened' }, t('path.next.opened', { count: opened.length, levels: opened.join(', ') })));
    if (!next || !card) parts.push(h('p', {}, t('path.next.done')));
    else {
      const title = tx(card.title);
      const best = path.levels.flatMap((l) => l.steps).find((s) => s.id === next.id)?.best;
      const words =
        next.kind === 'play'
          ? t('path.next.play', { title, n: next.difficulty, channel: t(`channel.${card.channel}`).toLowerCase() })
          : next.id === input.justPlayed
            ? t('path.next.replayThis', { title })
            : t('path.next.replayOther', { title, n: next.difficulty, score: best?.percent ?? 0 });
      parts.push(
        h('p', {}, words),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'next-step-play',
            'data-play': card.id,
            onclick: () => {
              notePlayed(card.id);
              input.onStart(card);
            },
          },
          t(next.kind === 'play' ? 'path.next.playButton' : 'path.next.replayButton', { title }),
        ),
      );
    }
    body.replaceChildren(...parts);
  });
  return section;
}
