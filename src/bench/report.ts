/** One measured figure beside its target. `pass` is undefined when there is no target or no figure. */
export interface Figure {
  group: string;
  name: string;
  value: number | null;
  unit: string;
  /** e.g. "≤ 120", "≥ 0.9" */
  target?: string;
  pass?: boolean;
  note?: string;
}

type Bound = { max: number } | { min: number } | { below: number };

export function figure(group: string, name: string, value: number | null, unit: string, bound?: Bound, note?: string): Figure {
  if (!bound) return { group, name, value, unit, note };
  const [target, ok] =
    'max' in bound
      ? [`≤ ${bound.max}`, (v: number) => v <= bound.max]
      : 'min' in bound
        ? [`≥ ${bound.min}`, (v: number) => v >= bound.min]
        : [`< ${bound.below}`, (v: number) => v < bound.below];
  return { group, name, value, unit, target, pass: value === null || !Number.isFinite(value) ? false : ok(value), note };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : Number.NaN;
};

const shown = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100));

/** The readable table: one line per figure, PASS/FAIL beside the target. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    `${shown(f.value)} ${f.unit}`.trim(),
    f.target ? `${f.target} ${f.unit}`.trim() : '',
    f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    f.note ?? '',
  ]);
  const head = ['group', 'figure', 'measured', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 5 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
