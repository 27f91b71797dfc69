import { LEVEL_ORDER, LEVEL_VALUE, type Level } from '../../core/run/grade';
import { language, t, tx } from '../../i18n';
import { download } from '../../platform/download';
import { type HistoryEntry, store } from '../../platform/store';
import type { PlatformContext } from '../assessment/context';
import { panel, resultsName } from '../assessment/screens';
import { h } from '../dom';
import { entryScore } from './score';

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>, text?: string) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text) el.textContent = text;
  return el;
}

/** Score of each run over time (the debrief's: entryScore), one point per run. */
function progressChart(entries: HistoryEntry[]): Element {
  const w = 640;
  const hgt = 220;
  const pad = 36;
  const pts = entries.map((e, i) => ({
    x: pad + (entries.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (entries.length - 1)),
    y: hgt - pad - (entryScore(e).percent / 100) * (hgt - 2 * pad),
  }));
  const chart = svg('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'progress-chart', role: 'img', 'aria-labelledby': 'progress-desc' });
  chart.append(svg('desc', { id: 'progress-desc' }, t('history.chartDesc', { count: entries.length })));
  for (const v of [0, 50, 100]) {
    const y = hgt - pad - (v / 100) * (hgt - 2 * pad);
    chart.append(svg('line', { x1: pad, x2: w - pad, y1: y, y2: y, class: 'grid-line' }), svg('text', { x: 4, y: y + 4, class: 'axis' }, String(v)));
  }
  chart.append(svg('polyline', { points: pts.map((p) => `${p.x},${p.y}`).join(' '), class: 'line' }));
  for (const p of pts) chart.append(svg('circle', { cx: p.x, cy: p.y, r: 4, class: 'dot' }));
  return chart;
}

/** The student's own progress on this device: every run, in sessions or not. */
export async function openHistory(ctx: PlatformContext) {
  const entries = (await store.history().catch(() => [] as HistoryEntry[])).slice(-50);
  const attempts = (await store.attempts().catch(() => [])).filter((a) => a.file);
  // Only criteria some run assessed: a phone rubric's face-to-face tasks, never observed on a call, add no empty column.
  const ids = [...new Set(entries.flatMap((e) => Object.keys(e.levels).filter((id) => e.levels[id])))].sort();
  const title = (id: string) => {
    const s = ctx.catalog.scenarios.find((x) => x.id === id);
    return s ? tx(s.title) : id;
  };
  const table = h(
    'table',
    { class: 'history-table', id: 'history-table' },
    h('caption', {}, t('history.tableCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('history.date')),
        h('th', { scope: 'col' }, t('history.scenario')),
        ...ids.map((id) => h('th', { scope: 'col' }, id)),
        h('th', { scope: 'col' }, t('history.score')),
      ),
    ),
    h(
      'tbody',
      {},
      ...entries
        .slice()
        .reverse()
        .map((e) =>
          h(
            'tr',
            {},
            h('td', {}, new Date(e.at).toLocaleString(language())),
            h('th', { scope: 'row' }, `${title(e.scenario)}${e.session ? ` (${e.session})` : ''}`),
            ...ids.map((id) => h('td', { 'data-level': e.levels[id] ?? '' }, (e.levels[id] as Level | null) ?? '—')),
            h('td', { 'data-score': entryScore(e).percent }, String(entryScore(e).percent)),
          ),
        ),
    ),
  );
  const mean = (id: string, part: HistoryEntry[]) => {
    const v = part.map((e) => e.levels[id]).filter((l): l is Level => !!l);
    return v.length ? LEVEL_ORDER[Math.round(v.reduce((s, l) => s + LEVEL_VALUE[l], 0) / v.length)] : '—';
  };
  const half = Math.floor(entries.length / 2);
  panel(
    ctx.app,
    'history',
    t('history.title'),
    h('p', {}, t('history.intro')),
    entries.length ? h('figure', {}, progressChart(entries), h('figcaption', {}, t('history.chartCaption'))) : h('p', { role: 'status' }, t('history.empty')),
    entries.length > 3
      ? h(
          'p',
          { class: 'trend' },
          t('history.trend'),
          ' ',
          ids.map((id) => `${id}: ${mean(id, entries.slice(0, half))} → ${mean(id, entries.slice(half))}`).join(' · '),
        )
      : null,
    entries.length ? h('div', { class: 'table-wrap' }, table) : null,
    attempts.length
      ? h(
          'section',
          { 'aria-labelledby': 'kept-title' },
          h('h2', { id: 'kept-title' }, t('history.kept')),
          h(
            'ul',
            {},
            ...attempts.map((a) =>
              h(
                'li',
                {},
                `${a.file!.session.name} — ${t('grid.attempt', { n: a.attempt })} — ${t(`classView.status.${a.file!.status}`)} `,
                h('button', { type: 'button', onclick: () => download(resultsName(a.file!), JSON.stringify(a.file, null, 2)) }, t('assess.download')),
              ),
            ),
          ),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        id: 'history-back',
        onclick: () => {
          history.replaceState(null, '', location.pathname + location.search);
          ctx.menu();
        },
      },
      t('teacher.back'),
    ),
  );
}
