import { rescoreFile } from '../../core/run/rescore';
import { MAX_FILE_BYTES } from '../../core/run/results-file';
import type { SessionDef } from '../../core/run/session-def';
import type { Rubric } from '../../core/schema/rubric';
import { t, tx } from '../../i18n';
import { toCsv } from '../../platform/csv';
import { download, safeName } from '../../platform/download';
import { store } from '../../platform/store';
import type { PlatformContext } from '../assessment/context';
import { panel } from '../assessment/screens';
import { clear, h } from '../dom';
import { teacherHome } from './area';
import { distributionChart } from './chart';
import { type ClassRow, flagText, tableRows, toRow } from './class-data';
import { gridView } from './grid';

/**
 * Class view: many results files dropped at once, each re-scored from its action
 * log and flagged with its reasons; table, distribution chart, grids, print, CSV.
 */
export async function classView(ctx: PlatformContext) {
  const sessions = await store.sessions().catch(() => []);
  let rows: ClassRow[] = [];
  let session: SessionDef | undefined = sessions.at(-1)?.def;

  const select = h(
    'select',
    { id: 'class-session' },
    h('option', { value: '' }, t('classView.anySession')),
    ...sessions.map((s) => h('option', { value: s.id, selected: s.def === session }, `${s.def.name} (${s.savedAt.slice(0, 10)})`)),
  );
  select.addEventListener('change', () => {
    session = sessions.find((s) => s.id === select.value)?.def;
  });
  const input = h('input', { type: 'file', id: 'results-files', multiple: true, accept: '.json,application/json' });
  const summary = h('p', { role: 'status', id: 'import-summary' });
  const results = h('div', { id: 'class-results' });

  const rubricFor = (): Rubric => {
    const id = session?.rubric ?? ctx.catalog.scenarios.find((s) => rows.some((r) => r.imported.runs.some((x) => x.scenario === s.id)))?.rubric;
    return ctx.catalog.rubrics.get(id ?? '') ?? [...ctx.catalog.rubrics.values()][0];
  };

  async function importFiles(files: File[]) {
    const imported: ClassRow[] = [];
    for (const f of files) {
      const text = f.size > MAX_FILE_BYTES ? '' : await f.text().catch(() => '');
      const title = (id: string) => tx(ctx.catalog.scenarios.find((s) => s.id === id)?.title) || id;
      imported.push(toRow(rescoreFile(f.name, f.size, text, { scenarios: ctx.catalog.scenarios, rubrics: ctx.catalog.rubrics, session }), title));
    }
    rows = [...rows, ...imported];
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    summary.textContent = t('classView.summary', { count: rows.length, valid: count('valid'), flagged: count('flagged') + count('refused') });
    draw();
  }
  input.addEventListener('change', () => importFiles([...(input.files ?? [])]));
  const drop = h('div', { class: 'drop-zone', id: 'drop-zone' }, t('classView.drop'));
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    importFiles([...((e as DragEvent).dataTransfer?.files ?? [])]);
  });

  function draw() {
    const rubric = rubricFor();
    const [head, ...body] = tableRows(rows, rubric);
    const table = h(
      'table',
      { class: 'class-table', id: 'class-table' },
      h('caption', {}, t('classView.tableCaption')),
      h('thead', {}, h('tr', {}, ...head.slice(0, -1).map((c) => h('th', { scope: 'col' }, String(c))), h('th', { scope: 'col' }, t('classView.col.grid')))),
      h(
        'tbody',
        {},
        ...rows.flatMap((row, i) => [
          h(
            'tr',
            { 'data-state': row.state, class: row.state, 'data-file': row.imported.file },
            h('th', { scope: 'row' }, row.imported.student?.name ?? row.imported.file),
            ...body[i]
              .slice(1, 4 + rubric.criteria.length + 3)
              .map((c, j) => h('td', j >= 3 && j < 3 + rubric.criteria.length ? { 'data-level': String(c ?? '') } : {}, String(c ?? ''))),
            h('td', { class: 'checks' }, row.flags.length ? t('classView.remarks', { count: row.flags.length }) : t('classView.ok')),
            h(
              'td',
              {},
              row.state === 'refused'
                ? null
                : h(
                    'button',
                    {
                      type: 'button',
                      class: 'grid-button',
                      'aria-label': t('classView.gridFor', { name: row.imported.student?.name ?? '' }),
                      onclick: () => showGrids([row]),
                    },
                    t('classView.grid'),
                  ),
            ),
          ),
          // The reasons get the table's whole width, under the row they explain.
          row.flags.length
            ? h(
                'tr',
                { class: `flags-row ${row.state}`, 'data-flags-for': row.imported.file },
                h(
                  'td',
                  { colspan: head.length },
                  h('span', { class: 'file-name' }, `${row.imported.file} — `),
                  h('ul', {}, ...row.flags.map((f) => h('li', {}, flagText(f)))),
                ),
              )
            : null,
        ]),
      ),
    );
    clear(
      results,
      h('div', { class: 'table-wrap' }, table),
      h(
        'p',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            id: 'download-csv',
            onclick: () => download(`classe-${safeName(session?.name ?? 'comptoir')}.csv`, toCsv([head, ...body]), 'text/csv;charset=utf-8'),
          },
          t('classView.csv'),
        ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            id: 'print-class',
            onclick: () =>
              showGrids(
                rows.filter((r) => r.state !== 'refused'),
                true,
              ),
          },
          t('classView.printAll'),
        ),
      ),
      distributionChart(rows, rubric),
    );
  }

  function showGrids(which: ClassRow[], print = false) {
    const scroll = window.scrollY;
    const back = () => {
      clear(ctx.app, page);
      window.scrollTo(0, scroll);
      (page.querySelector('#results-files') as HTMLElement).focus();
    };
    gridView(ctx, which, rubricFor(), session, back, print);
  }

  const page = panel(
    ctx.app,
    'class-view',
    t('classView.title'),
    h('p', { class: 'field' }, h('label', { for: 'class-session' }, t('classView.session')), select),
    h('p', { class: 'field' }, h('label', { for: 'results-files' }, t('classView.files')), input),
    drop,
    summary,
    results,
    checksNote(),
    h('button', { type: 'button', id: 'class-back', onclick: () => teacherHome(ctx) }, t('teacher.back')),
  );
}

/** Said plainly: what the checks catch, and what a static site cannot. */
function checksNote() {
  return h(
    'section',
    { class: 'checks-note', 'aria-labelledby': 'checks-title' },
    h('h2', { id: 'checks-title' }, t('classView.checksTitle')),
    h('h3', {}, t('classView.catchTitle')),
    h('ul', {}, ...['edited', 'session', 'timing', 'invalid', 'cut'].map((k) => h('li', {}, t(`classView.catch.${k}`)))),
    h('h3', {}, t('classView.cannotTitle')),
    h('ul', {}, ...['forge', 'help', 'device'].map((k) => h('li', {}, t(`classView.cannot.${k}`)))),
  );
}
