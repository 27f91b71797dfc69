import { LEVEL_ORDER } from '../../core/run/grade';
import type { SessionDef } from '../../core/run/session-def';
import type { Rubric } from '../../core/schema/rubric';
import type { ObservationRecord } from '../../core/scoring/observation';
import { language, t, tx } from '../../i18n';
import type { PlatformContext } from '../assessment/context';
import { indicatorText, observationText, optionFinder } from '../coaching';
import { clear, h, mmss } from '../dom';
import { personOf } from '../words';
import { type ClassRow, extraText, flagText, runRefused, statusText } from './class-data';

/** The @page box (A4 landscape, 10 mm margins: platform.css) in CSS pixels. */
const PAGE_HEIGHT = (190 / 25.4) * 96;

/**
 * One grid, one A4 page, for real: each grid is laid out as printed (the `print-measure`
 * class applies the print layout on screen for a moment) and given the largest zoom at
 * which it fits the page, found by halving (a zoomed grid reflows into wider lines, so
 * its height is not proportional). The zoom goes through a custom property the print
 * stylesheet reads (CSSOM: the CSP blocks style attributes, not element.style).
 */
/** Gaps printed per scenario and criterion: the rest is counted, the class view and the debrief have them all. */
const MAX_GAPS = 4;

export function fitToPage(root: HTMLElement) {
  const grids = [...root.querySelectorAll<HTMLElement>('.ccf-grid')];
  if (!grids.length) return;
  const html = document.documentElement;
  const page = PAGE_HEIGHT * 0.97;
  const fits = (zooms: number[]) => {
    zooms.forEach((z, i) => grids[i].style.setProperty('--fit', String(z)));
    return grids.map((g) => g.getBoundingClientRect().height <= page);
  };
  html.classList.add('print-measure');
  const lo = grids.map(() => 0.25);
  const hi = grids.map(() => 1);
  const whole = fits(hi);
  for (let step = 0; step < 7; step++) {
    const mid = lo.map((l, i) => (whole[i] ? 1 : Math.round(((l + hi[i]) / 2) * 1000) / 1000));
    fits(mid).forEach((ok, i) => {
      if (whole[i]) return;
      if (ok) lo[i] = mid[i];
      else hi[i] = mid[i];
    });
  }
  html.classList.remove('print-measure');
  grids.forEach((g, i) => g.style.setProperty('--fit', String(whole[i] ? 1 : lo[i])));
}

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
  // Evidence grouped by scenario: the title once, what was met on one line ("Atteint : a ; b"),
  // each gap with its time, what was not done on one line ("Non fait : a ; b"), so a grid fits its page.
  const evidence = (id: string) =>
    imported.runs
      .filter((r) => !runRefused(r))
      .map((r) => ({ r, lines: r.result?.criteria[id]?.observations ?? [] }))
      .filter((x) => x.lines.length)
      .map(({ r, lines }) => {
        const scenario = ctx.catalog.scenarios.find((x) => x.id === r.scenario);
        const omissions = lines.filter((o) => o.kind === 'omission');
        const line = (o: ObservationRecord) =>
          h(
            'li',
            {},
            h('span', { class: 'when' }, `${mmss(o.t)} `),
            h('strong', {}, `${t(`status.${o.status}`)} `),
            scenario ? observationText(o, rubric, optionFinder(scenario), (c) => personOf(scenario, c)) : '',
          );
        // What was met is said once, by indicator; each gap keeps its moment and its words.
        const met = [...new Set(lines.filter((o) => o.status === 'met').map((o) => indicatorText(rubric, o.indicator)))];
        const gaps = lines.filter((o) => o.kind !== 'omission' && o.status !== 'met');
        return h(
          'li',
          {},
          h('strong', {}, title(r.scenario)),
          h(
            'ul',
            {},
            met.length ? h('li', {}, h('strong', {}, `${t('grid.met')} `), met.join(' ; ')) : null,
            ...gaps.slice(0, MAX_GAPS).map(line),
            gaps.length > MAX_GAPS ? h('li', { class: 'more' }, t('grid.moreGaps', { count: gaps.length - MAX_GAPS })) : null,
            omissions.length
              ? h(
                  'li',
                  {},
                  h('span', { class: 'when' }, `${mmss(omissions[0].t)} `),
                  h('strong', {}, `${t('grid.notDone')} `),
                  omissions.map((o) => indicatorText(rubric, o.indicator)).join(' ; '),
                )
              : null,
          ),
        );
      });
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
      row.extra ? h('dt', {}, t('grid.extra')) : null,
      row.extra ? h('dd', { class: 'extra' }, extraText(row)) : null,
      h('dt', {}, t('grid.situations')),
      h(
        'dd',
        {},
        imported.runs
          .map((r) =>
            runRefused(r)
              ? `${title(r.scenario)} (${t('classView.runRefused')})`
              : `${title(r.scenario)} (${t(`classView.runStatus.${r.status}`)}, ${mmss(r.end)})`,
          )
          .join(' ; '),
      ),
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
            h(
              'td',
              { class: 'evidence' },
              !row.scored ? t('grid.noLevel', { reason: statusText(row) }) : row.levels[c.id] ? h('ul', {}, ...evidence(c.id)) : t('grid.notAssessed'),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'grid-legend' }, LEVEL_ORDER.map((l) => `${l} : ${label(l)}`).join(' · ')),
    h(
      'p',
      { class: 'grid-score' },
      row.scored && imported.score !== undefined ? t('grid.score', { score: imported.score }) : t('grid.noScore', { reason: statusText(row) }),
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
  fitToPage(root);
  // A print from the browser's menu, after a resize or a font change, measures again.
  const refit = () => (root.isConnected ? fitToPage(root) : window.removeEventListener('beforeprint', refit));
  window.addEventListener('beforeprint', refit);
  heading.focus();
  if (print) setTimeout(() => window.print(), 100);
}
