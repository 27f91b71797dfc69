import './path.css';
import { type BestResult, buildPath, nextStep, type Path, type PathLevel, type PathOptions, type PathStep, toReplay } from '../core/path/path';
import { t, tx } from '../i18n';
import { type HistoryEntry, store } from '../platform/store';
import type { ScenarioCard } from './catalog';
import { clear, h } from './dom';
import { notePlayed } from './menu';
import { requirePin } from './teacher/pin';

/** The teacher's "open everything", for this page only: a reload gives the device back to the student. */
let teacherView = false;

/** What the path is computed with on this device (the debrief's next step uses the same). */
export const pathOptions = (): PathOptions => ({ openAll: teacherView });

/** The history as the path reads it: every play on this device, practice, timed or in a session. */
export const historyRecords = (): Promise<HistoryEntry[]> => store.history().catch(() => [] as HistoryEntry[]);

export interface PathScreen {
  app: HTMLElement;
  scenarios: readonly ScenarioCard[];
  /** Plays a scenario of the path (always in practice). */
  onStart(card: ScenarioCard): void;
  /** The free-play list. */
  onAll(): void;
  /** Draws this screen again (after the teacher's PIN, which takes the whole page). */
  reopen(): void;
}

export function bestWords(best: BestResult | null): string {
  if (!best) return t('path.notPlayed');
  const score = best.passed
    ? t('path.best', { score: best.percent, level: best.level ? t(`path.level.${best.level}`) : '—' })
    : t('path.bestFailed', { score: best.percent });
  return `${score} · ${t('path.plays', { count: best.plays })}`;
}

function stepItem(step: PathStep, card: ScenarioCard, level: PathLevel, screen: PathScreen) {
  const title = tx(card.title);
  const again = step.status !== 'new';
  return h(
    'li',
    { class: `path-step status-${step.status}`, 'data-scenario': step.id, 'data-status': step.status },
    h(
      'span',
      { class: 'path-step-head' },
      h('strong', { class: 'path-step-title' }, title),
      h('span', { class: `path-badge badge-${step.status}` }, t(`path.status.${step.status}`)),
    ),
    h('span', { class: 'path-step-meta' }, `${t(`channel.${card.channel}`)} · ${t(`venue.${card.venue}`)} · ${t('path.minutes', { n: card.duration })}`),
    h('span', { class: 'path-step-best', 'data-best': step.best ? String(step.best.percent) : '' }, bestWords(step.best)),
    level.open
      ? h(
          'button',
          {
            type: 'button',
            class: again ? 'path-play' : 'path-play primary',
            'data-play': step.id,
            'aria-label': t(again ? 'path.replayLabel' : 'path.playLabel', { title }),
            onclick: () => start(screen, card),
          },
          t(again ? 'path.replay' : 'path.play'),
        )
      : null,
  );
}

function start(screen: PathScreen, card: ScenarioCard) {
  notePlayed(card.id);
  screen.onStart(card);
}

function levelSection(level: PathLevel, after: PathLevel | undefined, cards: Map<string, ScenarioCard>, screen: PathScreen) {
  const n = level.difficulty;
  const state = level.open ? t('path.opened') : t('path.locked');
  const count = level.steps.length;
  return h(
    'li',
    {},
    h(
      'section',
      { class: `path-level ${level.open ? 'open' : 'locked'}`, 'data-level': n, 'data-open': String(level.open), 'aria-labelledby': `path-level-${n}` },
      h('h2', { id: `path-level-${n}` }, `${t('path.levelTitle', { n })} `, h('span', { class: 'path-state' }, `— ${state}`)),
      h('p', { class: 'path-theme' }, t(`path.theme.${n}`)),
      // A locked level's bar would only say 0: shown once something in it has passed (in free play).
      level.open || level.passed
        ? h(
            'p',
            { class: 'path-progress' },
            h('progress', { max: count, value: level.passed, 'aria-label': t('path.progressLabel', { n, count: level.passed, total: count }) }),
            ' ',
            h('span', {}, t('path.progress', { count: level.passed, total: count })),
            after?.opensAfter ? h('span', { class: 'path-opens' }, t('path.opens', { count: level.need, n: after.difficulty })) : null,
          )
        : null,
      level.opensAfter
        ? h(
            'p',
            { class: 'path-to-open' },
            t('path.toOpen', { count: level.opensAfter.missing, n: level.opensAfter.difficulty }),
            ' ',
            t('path.waiting', { count }),
          )
        : h('ol', { class: 'path-steps' }, ...level.steps.map((s) => stepItem(s, cards.get(s.id)!, level, screen))),
    ),
  );
}

function nextCard(path: Path, cards: Map<string, ScenarioCard>, screen: PathScreen) {
  const next = nextStep(path);
  const body = next
    ? (() => {
        const card = cards.get(next.id)!;
        const title = tx(card.title);
        const best = path.levels.flatMap((l) => l.steps).find((s) => s.id === next.id)?.best;
        return [
          h(
            'p',
            {},
            next.kind === 'play'
              ? t('path.next.play', { title, n: next.difficulty, channel: t(`channel.${card.channel}`).toLowerCase() })
              : t('path.next.replayOther', { title, n: next.difficulty, score: best?.percent ?? 0 }),
          ),
          h(
            'button',
            { type: 'button', class: 'primary big', id: 'path-next', 'data-play': next.id, onclick: () => start(screen, card) },
            t(next.kind === 'play' ? 'path.next.playButton' : 'path.next.replayButton', { title }),
          ),
        ];
      })()
    : [h('p', {}, t('path.next.done'))];
  // The others to replay (the next step is already said above).
  const replay = toReplay(path).filter((s) => s.id !== next?.id);
  if (replay.length)
    body.push(
      h(
        'p',
        { class: 'path-replay', id: 'path-replay' },
        t('path.toReplay', { count: replay.length, titles: replay.map((s) => t('path.quoted', { title: tx(cards.get(s.id)!.title) })).join(', ') }),
      ),
    );
  return h('section', { class: 'path-next', 'aria-labelledby': 'path-next-title' }, h('h2', { id: 'path-next-title' }, t('path.next.title')), ...body);
}

/**
 * The path (parcours): the levels from the catalog, which are open, the best result of
 * each scenario, and the next step with one button. The free-play list stays one button away.
 */
export async function renderPath(root: HTMLElement, screen: PathScreen) {
  const heading = h('h1', { tabindex: -1, id: 'path-title' }, t('path.title'));
  clear(root, heading, h('p', { role: 'status' }, t('path.loading')));
  const records = await historyRecords();
  const path = buildPath(screen.scenarios, records, pathOptions());
  const cards = new Map(screen.scenarios.map((c) => [c.id, c]));
  const teacher = teacherView
    ? h(
        'p',
        { class: 'path-teacher-on', role: 'status' },
        t('path.teacherOn'),
        ' ',
        h(
          'button',
          {
            type: 'button',
            id: 'path-teacher-off',
            onclick: () => {
              teacherView = false;
              screen.reopen();
            },
          },
          t('path.teacherOff'),
        ),
      )
    : null;
  clear(
    root,
    h('header', { class: 'path-header' }, heading, h('p', { class: 'tagline' }, t('path.intro'))),
    teacher,
    nextCard(path, cards, screen),
    h('p', { class: 'path-rule' }, t('path.rule', { count: path.unlockCount }), ' ', t('path.practice')),
    h('ol', { class: 'path-levels' }, ...path.levels.map((l, i) => levelSection(l, path.levels[i + 1], cards, screen))),
    h(
      'nav',
      { class: 'path-actions', 'aria-label': t('path.title') },
      h('p', {}, t('path.allHelp')),
      h('button', { type: 'button', id: 'path-all', onclick: () => screen.onAll() }, t('path.all')),
      teacherView
        ? null
        : h(
            'button',
            {
              type: 'button',
              id: 'path-teacher',
              onclick: () =>
                requirePin(
                  screen.app,
                  () => {
                    teacherView = true;
                    screen.reopen();
                  },
                  () => screen.reopen(),
                ),
            },
            t('path.teacher'),
          ),
    ),
  );
  document.title = `Comptoir — ${t('path.title')}`;
}
