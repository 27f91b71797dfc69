import { type RescoreContext, rescoreImport } from '../../core/run/rescore';
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
import { type ClassRow, columns, flagText, tableRows, toRow } from './class-data';
import { gridView } from './grid';
import { sharePanel } from './share';

/** A results file as dropped: read once, re-scored with the others whenever the import changes. */
interface Dropped {
  name: string;
  size: number;
  text: string;
}

/**
 * Class view: many results files dropped at once, each re-scored from its action
 * log and flagged with its reasons; table, distribution chart, grids, print, CSV.
 */
export async function classView(ctx: PlatformContext) {
  const sessions = await store.sessions().catch(() => []);
  const dropped: Dropped[] = [];
  let rows: ClassRow[] = [];
  let saved = sessions.at(-1);
  let session: SessionDef | undefined = saved?.def;

  const select = h(
    'select',
    { id: 'class-session' },
    h('option', { value: '' }, t('classView.anySession')),
    ...sessions.map((s) => h('option', { value: s.id, selected: s === saved }, `${s.def.name} (${s.savedAt.slice(0, 10)})`)),
  );
  const grants = h('p', { class: 'help', id: 'session-grants' });
  const manage = h(
    'button',
    { type: 'button', id: 'session-links', onclick: () => saved && sharePanel(ctx, saved.def, saved.grants) },
    t('classView.sessionLinks'),
  );
  function showGrants() {
    const extra = saved?.grants.filter((g) => g.extra).map((g) => g.student) ?? [];
    grants.hidden = manage.hidden = !saved;
    grants.textContent = !saved?.def.extraPercent
      ? t('classView.noExtraTime')
      : extra.length
        ? t('classView.grants', { percent: saved.def.extraPercent, list: extra.join(', ') })
        : t('classView.noGrants', { percent: saved.def.extraPercent });
  }
  select.addEventListener('change', () => {
    saved = sessions.find((s) => s.id === select.value);
    session = saved?.def;
    showGrants();
    if (dropped.length) rescore();
  });
  showGrants();
  const input = h('input', { type: 'file', id: 'results-files', multiple: true, accept: '.json,application/json' });
  const summary = h('p', { role: 'status', id: 'import-summary' });
  const results = h('div', { id: 'class-results' });

  const rubricFor = (): Rubric => {
    const id = session?.rubric ?? ctx.catalog.scenarios.find((s) => rows.some((r) => r.imported.runs.some((x) => x.scenario === s.id)))?.rubric;
    return ctx.catalog.rubrics.get(id ?? '') ?? [...ctx.catalog.rubrics.values()][0];
  };

  function rescore() {
    const context: RescoreContext = {
      scenarios: ctx.catalog.scenarios,
      rubrics: ctx.catalog.rubrics,
      session,
      // Only the students handed the extra-time link count as granted.
      sessions: sessions.map((s) => ({ def: s.def, grants: s.grants.filter((g) => g.extra) })),
    };
    const title = (id: string) => tx(ctx.catalog.scenarios.find((s) => s.id === id)?.title) || id;
    const percent = (id: string) => sessions.find((s) => s.id === id)?.def.extraPercent;
    // Every file at once, so the checks across files (copies, attempt numbers) see them all.
    rows = rescoreImport(dropped, context).map((i) => toRow(i, title, percent));
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    summary.textContent = t('classView.summary', { count: rows.length, valid: count('valid'), flagged: count('flagged') + count('refused') });
    draw();
  }

  async function importFiles(files: File[]) {
    for (const f of files) dropped.push({ name: f.name, size: f.size, text: f.size > MAX_FILE_BYTES ? '' : await f.text().catch(() => '') });
    rescore();
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
    const cols = columns(rubric).filter((c) => c.screen);
    const width = cols.length + 2;
    const table = h(
      'table',
      { class: 'class-table', id: 'class-table' },
      h('caption', {}, t('classView.tableCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...cols.map((c) => h('th', { scope: 'col', class: c.criterion ? 'criterion' : undefined }, c.head)),
          h('th', { scope: 'col' }, t('classView.col.checks')),
          h('th', { scope: 'col' }, t('classView.col.grid')),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.flatMap((row) => [
          h(
            'tr',
            { 'data-state': row.state, class: row.state, 'data-file': row.imported.file, 'data-scored': String(row.scored) },
            h('th', { scope: 'row' }, row.imported.student?.name ?? row.imported.file),
            ...cols.slice(1).map((c) => {
              const text = String(c.cell(row) ?? '');
              if (c.criterion) return h('td', { 'data-level': text, 'data-criterion': c.criterion }, text);
              return h('td', { class: c.key === 'extra' && row.extra && !row.extra.granted ? 'extra not-granted' : undefined }, text);
            }),
            h('td', { class: 'checks' }, row.flags.length ? t('classView.remarks', { count: row.flags.length }) : t('classView.ok')),
            h(
              'td',
              {},
              row.imported.refused
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
                  { colspan: width },
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
            onclick: () => download(`classe-${safeName(session?.name ?? 'comptoir')}.csv`, toCsv(tableRows(rows, rubric)), 'text/csv;charset=utf-8'),
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
                rows.filter((r) => !r.imported.refused),
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
    h('p', { class: 'session-grants' }, grants, ' ', manage),
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
