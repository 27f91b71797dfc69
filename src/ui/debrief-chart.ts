import type { DebriefState } from '../game/hall-state';
import { h } from './dom';

const LEVELS = ['TI', 'I', 'S', 'TS'] as const;
/** The satisfaction dial's five bands, red to green (the colours the hall's debrief always used). */
const BANDS = ['#d64545', '#ee7b3a', '#f0c23c', '#8cc152', '#2e9e5b'];
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: Element[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** A point on the dial: angle 0 is the left end (0/100 reads left to right), π the right end. */
const at = (angle: number, r: number) => [100 - r * Math.cos(angle), 100 - r * Math.sin(angle)] as const;

/** Half-dial 0–100 with a needle; its number and words are HTML beside it, so they keep the page's text size. */
function dial(value: number): SVGElement {
  const r = 80;
  const step = Math.PI / BANDS.length;
  const arcs = BANDS.map((colour, i) => {
    const [x0, y0] = at(step * i + 0.03, r);
    const [x1, y1] = at(step * (i + 1) - 0.03, r);
    return svg('path', {
      d: `M ${x0.toFixed(1)} ${y0.toFixed(1)} A ${r} ${r} 0 0 1 ${x1.toFixed(1)} ${y1.toFixed(1)}`,
      stroke: colour,
      'stroke-width': 22,
      fill: 'none',
    });
  });
  const [nx, ny] = at((value / 100) * Math.PI, r - 18);
  return svg(
    'svg',
    { viewBox: '0 0 200 112', class: 'chart-dial', 'aria-hidden': 'true', focusable: 'false' },
    ...arcs,
    svg('line', {
      x1: 100,
      y1: 100,
      x2: nx.toFixed(1),
      y2: ny.toFixed(1),
      stroke: '#243447',
      'stroke-width': 6,
      'stroke-linecap': 'round',
      class: 'chart-needle',
    }),
    svg('circle', { cx: 100, cy: 100, r: 9, fill: '#243447' }),
  );
}

/**
 * The debrief's summary chart in the page rather than on the hall's canvas: per criterion,
 * the level scored (a bar) and the student's own (a ring), and the visitor's satisfaction.
 * The canvas was drawn at 1280×720 and scaled to the stage, so on a phone its words were
 * about 6 px high (issue 22); here they are the page's text, at the student's text size,
 * and the rows reflow to the screen. The same facts are written out in the debrief below,
 * so the drawing is hidden from screen readers. No style attribute (the CSP): positions are classes.
 */
export function debriefChart(s: DebriefState): HTMLElement {
  const value = Math.max(0, Math.min(100, Math.round(s.satisfaction)));
  const rows = s.criteria.map((row) =>
    h(
      'li',
      { class: 'chart-row', 'data-chart-criterion': row.id },
      h('span', { class: 'chart-id' }, row.id),
      h(
        'span',
        { class: 'chart-track' },
        row.level === null
          ? h('span', { class: 'chart-none' }, s.notAssessedLabel)
          : h('span', { class: `chart-bar upto-${row.level} level-${row.level}`, 'data-level': row.level }),
        row.self === null ? null : h('span', { class: `chart-ring at-${row.self}`, 'data-self': row.self }),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'debrief-chart', id: 'debrief-chart', 'aria-hidden': 'true' },
    h('figcaption', { class: 'chart-title' }, s.title),
    h(
      'div',
      { class: 'chart-main' },
      h(
        'div',
        { class: 'chart-criteria' },
        h(
          'p',
          { class: 'chart-legend' },
          h('span', { class: 'legend-item' }, h('span', { class: 'legend-bar' }), s.scoreLabel),
          h('span', { class: 'legend-item' }, h('span', { class: 'legend-ring' }), s.selfLabel),
        ),
        h(
          'ol',
          { class: 'chart-rows' },
          h(
            'li',
            { class: 'chart-row chart-head' },
            h('span', { class: 'chart-id' }),
            // The level's letters, and its name where the column is wide enough for it unbroken.
            ...LEVELS.map((l) =>
              h('span', { class: `chart-level level-${l}` }, h('strong', {}, l), h('span', { class: 'chart-level-name' }, s.levelLabels[l])),
            ),
          ),
          ...rows,
        ),
        // Narrow screens: the names in one line under the chart instead.
        h('p', { class: 'chart-level-key' }, LEVELS.map((l) => `${l} = ${s.levelLabels[l]}`).join(' · ')),
      ),
      h(
        'div',
        { class: 'chart-satisfaction' },
        dial(value),
        h('p', { class: 'chart-score', 'data-satisfaction': value }, String(value)),
        h('p', { class: 'chart-score-label' }, s.satisfactionLabel),
      ),
    ),
  );
}
