import { LEVEL_ORDER } from '../../core/run/grade';
import type { Rubric } from '../../core/schema/rubric';
import { t, tx } from '../../i18n';
import { h } from '../dom';
import { type ClassRow, distribution } from './class-data';

/**
 * Per-criterion distribution of the levels as horizontal stacked bars. It is a
 * real table (criterion × level, with counts), so a screen reader reads numbers
 * and a printer prints it; the bars are only its cells' widths. The widths go in
 * through a CSS custom property set on the CSSOM: the site's CSP (style-src 'self')
 * blocks `style` attributes, not element.style.
 */
function segment(el: HTMLElement, count: number): HTMLElement {
  el.style.setProperty('--count', String(count));
  return el;
}

export function distributionChart(rows: ClassRow[], rubric: Rubric): HTMLElement {
  const data = distribution(rows, rubric);
  const label = (l: string) => tx(rubric.levels.find((x) => x.id === l)?.label) || l;
  return h(
    'figure',
    { class: 'distribution', id: 'distribution' },
    h('figcaption', {}, t('classView.chartTitle')),
    h(
      'table',
      { class: 'bars' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('classView.col.criterion')), h('th', { scope: 'col' }, t('classView.chartBars')))),
      h(
        'tbody',
        {},
        ...data.map((d) => {
          const total = LEVEL_ORDER.reduce((s, l) => s + d.counts[l], 0) + d.none;
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, d.id),
            h(
              'td',
              {},
              h(
                'div',
                { class: 'bar' },
                ...LEVEL_ORDER.filter((l) => d.counts[l]).map((l) =>
                  segment(h('span', { class: `seg level-${l}`, title: `${label(l)}: ${d.counts[l]}` }, `${l} ${d.counts[l]}`), d.counts[l]),
                ),
                d.none ? segment(h('span', { class: 'seg level-none' }, `${t('classView.notAssessedShort')} ${d.none}`), d.none) : null,
                total ? null : h('span', { class: 'seg empty' }, '—'),
              ),
            ),
          );
        }),
      ),
    ),
    h('p', { class: 'legend' }, ...LEVEL_ORDER.map((l) => h('span', { class: `key level-${l}` }, `${l} = ${label(l)}`))),
  );
}
