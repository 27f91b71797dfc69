import { t } from '../i18n';
import { addOpened, allRubrics, formatError, type ScenarioCard, sharedFiles } from './catalog';
import { h } from './dom';

/** Files beyond this are refused before parsing: a scenario is a few tens of KB. */
const MAX_BYTES = 1_000_000;

/**
 * "Open a scenario file": a teacher's own YAML is checked in the browser by the same
 * loader as the build. The checker (yaml, zod) is fetched only when a file is chosen.
 */
export function openFileField(onOpen: (card: ScenarioCard) => void): HTMLElement {
  const input = h('input', { type: 'file', id: 'open-file', accept: '.yaml,.yml,text/yaml' });
  const report = h('div', { id: 'open-file-report', 'aria-live': 'polite' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    report.replaceChildren(h('p', { role: 'status' }, t('menu.openFileChecking')));
    const problems = await check(file).catch((err: Error) => [`${file.name}: ${err.message}`]);
    if (Array.isArray(problems)) {
      report.replaceChildren(
        h(
          'section',
          { class: 'load-errors', role: 'alert' },
          h('h3', {}, t('menu.openFileRefused')),
          h('ul', {}, ...problems.map((p) => h('li', {}, h('code', {}, p)))),
        ),
      );
      return;
    }
    report.replaceChildren();
    onOpen(problems);
  });
  return h('p', { class: 'field open-file' }, h('label', { for: 'open-file' }, t('menu.openFile')), input, report);
}

async function check(file: File): Promise<ScenarioCard | string[]> {
  if (file.size > MAX_BYTES) return [`${file.name}: ${t('menu.openFileTooBig', { kb: Math.round(MAX_BYTES / 1000) })}`];
  const [{ loadScenario, loadShared }, { cardOf }, rubrics, shared, text] = await Promise.all([
    import('../core/load/catalog'),
    import('../build/scenario-card'),
    allRubrics(),
    sharedFiles(),
    file.text(),
  ]);
  const { scenario, errors } = loadScenario({ file: file.name, text }, rubrics, loadShared(shared).shared);
  if (!scenario) return errors.map(formatError);
  return addOpened({ scenario, rubric: rubrics.get(scenario.rubric)! }, cardOf(scenario));
}
