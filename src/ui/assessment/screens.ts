import type { ResultsFile, RunRecord } from '../../core/run/results-file';
import type { SessionDef } from '../../core/run/session-def';
import { overallSeconds, scenarioSeconds } from '../../core/run/session-time';
import type { Rubric } from '../../core/schema/rubric';
import type { Scenario } from '../../core/schema/scenario';
import { t, tx } from '../../i18n';
import { download, safeName } from '../../platform/download';
import { type Attempt, onStoreError, storeError } from '../../platform/store';
import { clear, h, mmss } from '../dom';
import type { PlatformContext } from './context';

const levelText = (rubric: Rubric, level: string | null) => (level ? tx(rubric.levels.find((l) => l.id === level)?.label) || level : t('assess.notAssessed'));

/** A full-page panel with a heading that takes focus, so a screen reader starts there. */
export function panel(app: HTMLElement, id: string, title: string, ...body: (Node | string | null)[]) {
  const heading = h('h1', { tabindex: '-1', id: `${id}-title` }, title);
  const root = h('main', { class: 'platform-page', id, 'aria-labelledby': `${id}-title` }, heading, ...body);
  clear(app, root);
  heading.focus();
  return root;
}

/**
 * Storage full or refused: said plainly, with the way out (the file still downloads).
 * Shown at once when a save fails, and when the screen opens after one that did.
 */
export function storageWarning(): HTMLElement {
  const el = h('p', { class: 'warning', role: 'alert', id: 'storage-warning', hidden: true });
  const show = (err: Error | undefined) => {
    el.hidden = !err;
    el.textContent = err ? t('assess.storageError', { reason: err.name }) : '';
  };
  show(storeError());
  let shown = false;
  const off = onStoreError((err) => {
    // Once the screen has gone, its warning stops listening.
    if (el.isConnected) shown = true;
    else if (shown) return off();
    show(err);
  });
  return el;
}

const REFUSALS = ['malformed', 'tampered', 'invalid'] as const;

/** A refused link, in the page's language: the reason's words, never the decoder's English detail. */
export function refusedScreen(ctx: PlatformContext, reason: string) {
  const known = REFUSALS.find((r) => r === reason) ?? 'malformed';
  panel(
    ctx.app,
    'session-refused',
    t('assess.refusedTitle'),
    h('p', { role: 'alert', 'data-reason': known }, t(`assess.refused.${known}`)),
    h('button', { type: 'button', class: 'primary', onclick: () => ctx.menu() }, t('assess.toMenu')),
  );
}

/** A second tab of a session already open in this browser: it says so and does not play. */
export function otherTabScreen(ctx: PlatformContext, def: SessionDef) {
  panel(
    ctx.app,
    'session-other-tab',
    t('assess.otherTabTitle'),
    h('p', { class: 'lead' }, def.name),
    h('p', { role: 'alert' }, t('assess.otherTab')),
    h('p', {}, t('assess.otherTabWait')),
  );
}

/** The session, the rules of the exam, and name and class asked once. */
export function welcomeScreen(
  ctx: PlatformContext,
  def: SessionDef,
  previous: Attempt[],
  known: { name: string; group: string } | undefined,
  fromLms: boolean,
  onStart: (student: { name: string; group: string }) => void,
) {
  const scenarios = def.scenarios.map((s, i) => {
    const sc = ctx.catalog.scenarios.find((x) => x.id === s.id);
    return h('li', {}, `${sc ? tx(sc.title) : s.id} — ${t('assess.minutes', { time: mmss(scenarioSeconds(def, i)) })}`);
  });
  const name = h('input', { id: 'student-name', name: 'name', required: true, maxlength: 60, autocomplete: 'name', value: known?.name ?? '' });
  const group = h('input', { id: 'student-group', name: 'group', required: !fromLms, maxlength: 30, value: known?.group ?? '' });
  if (fromLms) name.readOnly = true;
  const form = h(
    'form',
    { class: 'student-form' },
    h('p', { class: 'field' }, h('label', { for: 'student-name' }, t('assess.name')), name),
    h('p', { class: 'field' }, h('label', { for: 'student-group' }, t('assess.group')), group),
    h('button', { type: 'submit', class: 'primary big', id: 'start-session' }, t('assess.start')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onStart({ name: name.value.trim().slice(0, 60), group: group.value.trim().slice(0, 30) });
  });
  const earlier = previous.filter((a) => a.status !== 'in-progress');
  panel(
    ctx.app,
    'session-welcome',
    def.name,
    h('p', { class: 'lead' }, t('assess.intro')),
    h('ol', { class: 'session-scenarios' }, ...scenarios),
    h(
      'ul',
      { class: 'rules' },
      h('li', {}, t('assess.overall', { time: mmss(overallSeconds(def)) })),
      def.extra ? h('li', {}, t('assess.extraGranted', { percent: def.extraPercent })) : null,
      h('li', {}, t('assess.ruleClock')),
      h('li', {}, t('assess.ruleQuit')),
      h('li', {}, def.hints ? t('assess.hintsOn') : t('assess.hintsOff')),
    ),
    earlier.length ? h('p', { class: 'warning', id: 'previous-attempts' }, t('assess.previous', { count: earlier.length, n: earlier.length + 1 })) : null,
    form,
  );
}

export function betweenScreen(
  app: HTMLElement,
  info: { def: SessionDef; record: RunRecord; scenario: Scenario; rubric: Rubric; last: boolean },
  onNext: () => void,
) {
  const { record, rubric, def } = info;
  const why = record.status === 'timeout' ? t('assess.timeUp') : t('assess.contactDone');
  const levels = def.feedback
    ? h(
        'table',
        { class: 'levels' },
        h('caption', {}, t('assess.yourLevels')),
        h(
          'tbody',
          {},
          ...rubric.criteria.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.id), h('td', {}, levelText(rubric, record.levels[c.id] ?? null)))),
        ),
      )
    : h('p', {}, t('assess.noFeedback'));
  const next = h('button', { type: 'button', class: 'primary big', id: 'next-scenario', onclick: onNext }, info.last ? t('assess.finish') : t('assess.next'));
  panel(app, 'between', tx(info.scenario.title), h('p', { role: 'status' }, why), levels, storageWarning(), next);
  next.focus();
}

export function resultsName(file: ResultsFile) {
  return `comptoir-${safeName(file.session.name)}-${safeName(file.student.name)}-${file.attempt}.json`;
}

export function endScreen(ctx: PlatformContext, info: { def: SessionDef; file: ResultsFile; stored: boolean }) {
  const { file, def } = info;
  const save = () => download(resultsName(file), JSON.stringify(file, null, 2));
  const button = h('button', { type: 'button', class: 'primary big', id: 'download-results', onclick: save }, t('assess.download'));
  const status = file.status === 'complete' ? t('assess.endComplete') : file.status === 'abandoned' ? t('assess.endAbandoned') : t('assess.endOverall');
  panel(
    ctx.app,
    'session-end',
    t('assess.endTitle'),
    h('p', { role: 'status' }, status),
    def.feedback ? h('p', { id: 'final-score' }, t('assess.score', { score: file.score.percent, threshold: file.score.threshold })) : null,
    h('p', {}, info.stored ? t('assess.kept') : t('assess.notKept')),
    storageWarning(),
    button,
    h('p', {}, t('assess.giveTeacher')),
    h('button', { type: 'button', id: 'to-menu', onclick: () => ctx.menu() }, t('assess.toMenu')),
  );
  save();
  button.focus();
}
