import { LEVEL_ORDER, type Level, type Levels, overallLevels } from '../../core/run/grade';
import { allFlags, type Imported, type ImportFlag } from '../../core/run/rescore';
import type { Rubric } from '../../core/schema/rubric';
import { t } from '../../i18n';
import { mmss } from '../dom';

export type RowState = 'valid' | 'flagged' | 'refused';

/** One line of the class table: a results file, re-scored. */
export interface ClassRow {
  imported: Imported;
  state: RowState;
  levels: Levels;
  satisfaction: number | null;
  seconds: number;
  flags: ImportFlag[];
}

/** `title` turns a scenario id into the words a teacher knows it by. */
export function toRow(imported: Imported, title: (id: string) => string = (id) => id): ClassRow {
  const flags = allFlags(imported).map((f) =>
    typeof f.params.scenario === 'string' ? { ...f, params: { ...f.params, scenario: title(f.params.scenario) } } : f,
  );
  const sats = imported.runs.map((r) => r.satisfaction).filter((s): s is number => s !== null);
  return {
    imported,
    state: imported.refused ? 'refused' : flags.length ? 'flagged' : 'valid',
    levels: overallLevels(imported.runs.map((r) => r.levels)),
    satisfaction: sats.length ? Math.round(sats.reduce((a, b) => a + b, 0) / sats.length) : null,
    seconds: imported.runs.reduce((s, r) => s + r.end, 0),
    flags,
  };
}

/** A flag as a sentence; every value goes into text, never into markup. */
export function flagText(f: ImportFlag): string {
  return t(`flag.${f.code}`, { ...f.params, interpolation: { escapeValue: false } });
}

export function statusText(row: ClassRow): string {
  if (row.state === 'refused') return t('classView.invalidFile');
  return t(`classView.status.${row.imported.status ?? 'complete'}`);
}

/** The table as rows of text, for the screen and the CSV alike. */
export function tableRows(rows: ClassRow[], rubric: Rubric): (string | number | null)[][] {
  const head = [
    t('classView.col.student'),
    t('classView.col.group'),
    t('classView.col.attempt'),
    t('classView.col.status'),
    ...rubric.criteria.map((c) => c.id),
    t('classView.col.satisfaction'),
    t('classView.col.time'),
    t('classView.col.score'),
    t('classView.col.passed'),
    t('classView.col.checks'),
    t('classView.col.file'),
  ];
  return [
    head,
    ...rows.map((r) => [
      r.imported.student?.name ?? '',
      r.imported.student?.group ?? '',
      r.imported.attempt ?? '',
      statusText(r),
      ...rubric.criteria.map((c) => r.levels[c.id] ?? ''),
      r.satisfaction,
      r.state === 'refused' ? '' : mmss(r.seconds),
      r.imported.score ?? '',
      r.state === 'refused' || r.imported.passed === undefined ? '' : t(r.imported.passed ? 'classView.passed' : 'classView.failed'),
      r.flags.length ? r.flags.map(flagText).join(' | ') : t('classView.ok'),
      r.imported.file,
    ]),
  ];
}

/** How many students reached each level on each criterion (files that could be read). */
export function distribution(rows: ClassRow[], rubric: Rubric): { id: string; counts: Record<Level, number>; none: number }[] {
  const read = rows.filter((r) => r.state !== 'refused');
  return rubric.criteria.map((c) => {
    const counts = Object.fromEntries(LEVEL_ORDER.map((l) => [l, 0])) as Record<Level, number>;
    let none = 0;
    for (const r of read) {
      const l = r.levels[c.id];
      if (l) counts[l]++;
      else none++;
    }
    return { id: c.id, counts, none };
  });
}
