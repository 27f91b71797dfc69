import { LEVEL_ORDER } from '../../core/run/grade';
import type { SessionDef } from '../../core/run/session-def';
import type { Rubric } from '../../core/schema/rubric';
import { language, t, tx } from '../../i18n';
import type { PlatformContext } from '../assessment/context';
import { observationText, optionFinder } from '../coaching';
import { clear, h, mmss } from '../dom';
import { type ClassRow, flagText, statusText } from './class-data';

/**
 * The evaluation grid in the CCF form, one per student: the criteria's official
 * wording, the level ticked, the evidence lines, room for the comment and the
 * signatures. Printed through the print stylesheet (A4), one student per page.
 */
function grid(ctx: PlatformContext, row: ClassRow, rubric: Rubric, session?: SessionDef): HTMLElement {
  const { imported } = row;
  const title = (id: string) => {
    const s = ctx.catalog.scenarios.find((x) => x.id === id);
    return s ? tx(s.title) : id;
  };
  const date = imported.startedAt ? new Date(imported.startedAt).toLocaleDateString(language()) : '';
  // Evidence grouped by scenario: the title once, then each line with its time.
  const evidence = (id: string) =>
    imported.runs
      .map((r) => ({ r, lines: r.result?.criteria[id]?.observations ?? [] }))
      .filter((x) => x.lines.length)
      .map(({ r, lines }) =>
        h(
          'li',
          {},
          h('strong', {}, title(r.scenario)),
          h(
            'ul',
            {},
            ...lines.map((o) => {
              const scenario = ctx.catalog.scenarios.find((x) => x.id === r.scenario);
              const words = scenario ? observationText(o, rubric, optionFinder(scenario)) : '';
              return h('li', {}, h('span', { class: 'when' }, `${mmss(o.t)} `), h('strong', {}, `${t(`status.${o.status}`)} `), words);
            }),
          ),
        ),
      );
  const label = (l: string) => tx(rubric.levels.find((x) => x.id === l)?.label) || l;
  return h(
    'article',
    { class: 'ccf-grid', 'data-student': imported.student?.name ?? '' },
    h('h2', {}, t('grid.title'), ' — ', tx(rubric.title)),
    h(
      'dl',
      { class: 'grid-head' },
      h('dt', {}, t('grid.candidate')),
      h('dd', { class: 'candidate' }, imported.student?.name ?? ''),
      h('dt', {}, t('grid.group')),
      h('dd', {}, imported.student?.group ?? ''),
      h('dt', {}, t('grid.session')),
      h('dd', {}, `${imported.session?.name ?? session?.name ?? ''} · ${t('grid.attempt', { n: imported.attempt ?? 1 })} · ${statusText(row)}`),
      h('dt', {}, t('grid.date')),
      h('dd', {}, date),
      h('dt', {}, t('grid.situations')),
      h('dd', {}, imported.runs.map((r) => `${title(r.scenario)} (${t(`classView.runStatus.${r.status}`)}, ${mmss(r.end)})`).join(' ; ')),
    ),
    h(
      'table',
      { class: 'grid-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('grid.criterion')),
          ...LEVEL_ORDER.map((l) => h('th', { scope: 'col', class: 'lvl', title: label(l) }, l)),
          h('th', { scope: 'col' }, t('grid.evidence')),
        ),
      ),
      h(
        'tbody',
        {},
        ...rubric.criteria.map((c) =>
          h(
            'tr',
            { 'data-criterion': c.id },
            h('th', { scope: 'row', class: 'wording' }, h('strong', {}, `${c.id} `), c.wording),
            ...LEVEL_ORDER.map((l) =>
              h(
                'td',
                { class: 'lvl', 'aria-label': `${label(l)}${row.levels[c.id] === l ? ` : ${t('grid.ticked')}` : ''}` },
                row.levels[c.id] === l ? '✕' : '',
              ),
            ),
            h('td', { class: 'evidence' }, row.levels[c.id] ? h('ul', {}, ...evidence(c.id)) : t('grid.notAssessed')),
          ),
        ),
      ),
    ),
    h('p', { class: 'grid-legend' }, LEVEL_ORDER.map((l) => `${l} : ${label(l)}`).join(' · ')),
    h(
      'p',
      { class: 'grid-score' },
      t('grid.score', { score: imported.score ?? 0 }),
      ' · ',
      t('grid.satisfaction', { score: row.satisfaction ?? '—' }),
      ' · ',
      row.flags.length ? t('grid.flags', { list: row.flags.map(flagText).join(' ; ') }) : t('grid.noFlags'),
    ),
    h('div', { class: 'comment-box' }, h('p', {}, t('grid.comment'))),
    h('div', { class: 'signatures' }, h('p', {}, t('grid.teacherSign')), h('p', {}, t('grid.proSign'))),
  );
}

export function gridView(ctx: PlatformContext, rows: ClassRow[], rubric: Rubric, session: SessionDef | undefined, back: () => void, print: boolean) {
  const heading = h(
    'h1',
    { tabindex: '-1', class: 'no-print' },
    rows.length === 1 ? t('grid.oneTitle', { name: rows[0].imported.student?.name ?? '' }) : t('grid.allTitle', { count: rows.length }),
  );
  const root = h(
    'main',
    { class: 'platform-page print-view', id: 'grid-view' },
    heading,
    h(
      'p',
      { class: 'toolbar no-print' },
      h('button', { type: 'button', class: 'primary', id: 'print-grid', onclick: () => window.print() }, t('grid.print')),
      ' ',
      h('button', { type: 'button', id: 'grid-back', onclick: back }, t('teacher.back')),
      ' ',
      h('span', { class: 'help' }, t('grid.printHelp')),
    ),
    ...rows.map((r) => grid(ctx, r, rubric, session)),
  );
  clear(ctx.app, root);
  heading.focus();
  if (print) setTimeout(() => window.print(), 100);
}
