import { PHASES } from '../machines/procedure';
import { type Rubric, RubricSchema } from '../schema/rubric';
import { type Scenario, ScenarioSchema } from '../schema/scenario';
import { findDeadEnds } from './coverage';
import { type LoadError, YamlSource } from './yaml-source';

/** A file's name and text: the core never touches a file system itself. */
export interface SourceFile {
  file: string;
  text: string;
}

export interface Catalog {
  scenarios: Scenario[];
  rubrics: Map<string, Rubric>;
  /** Files that were refused, each with every problem found in it. */
  errors: LoadError[];
}

export function loadRubric(src: SourceFile): { rubric?: Rubric; errors: LoadError[] } {
  const { source, errors } = YamlSource.parse(src.text, src.file);
  if (errors.length) return { errors };
  const { value, errors: invalid } = source.validate(RubricSchema);
  return { rubric: value, errors: invalid };
}

export function loadScenario(src: SourceFile, rubrics: Map<string, Rubric>): { scenario?: Scenario; errors: LoadError[]; source?: YamlSource } {
  const { source, errors } = YamlSource.parse(src.text, src.file);
  if (errors.length) return { errors };
  const { value, errors: invalid } = source.validate(ScenarioSchema);
  if (!value) return { errors: invalid };
  const problems: LoadError[] = [];
  const rubric = rubrics.get(value.rubric);
  if (!rubric) {
    problems.push(source.error(['rubric'], `unknown rubric "${value.rubric}"; expected one of ${[...rubrics.keys()].join(', ') || '(no rubric loaded)'}`));
  } else {
    const criteria = new Set(rubric.criteria.map((c) => c.id));
    value.contacts.forEach((c, ci) => {
      for (const phase of PHASES) {
        c.phases[phase]?.options.forEach((o, oi) =>
          o.evidence?.forEach((e, ei) => {
            if (!criteria.has(e.criterion)) {
              const path = ['contacts', ci, 'phases', phase, 'options', oi, 'evidence', ei, 'criterion'];
              problems.push(source.error(path, `unknown criterion "${e.criterion}" for rubric ${rubric.id}; expected one of ${[...criteria].join(', ')}`));
            }
          }),
        );
      }
    });
  }
  value.contacts.forEach((c, ci) => findDeadEnds(c).forEach((d) => problems.push(source.error(['contacts', ci, 'phases', d.phase], d.message))));
  return problems.length ? { errors: problems } : { scenario: value, errors: [], source };
}

/** Loads everything it can: a bad file is reported and skipped, the rest is kept. */
export function loadCatalog(scenarioFiles: SourceFile[], rubricFiles: SourceFile[]): Catalog {
  const errors: LoadError[] = [];
  const rubrics = new Map<string, Rubric>();
  for (const f of rubricFiles) {
    const r = loadRubric(f);
    errors.push(...r.errors);
    if (r.rubric) rubrics.set(r.rubric.id, r.rubric);
  }
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();
  for (const f of scenarioFiles) {
    const s = loadScenario(f, rubrics);
    errors.push(...s.errors);
    if (!s.scenario) continue;
    const previous = seen.get(s.scenario.id);
    if (previous) {
      errors.push(s.source!.error(['id'], `scenario id "${s.scenario.id}" is already used by ${previous}; give each scenario its own id`));
      continue;
    }
    seen.set(s.scenario.id, f.file);
    scenarios.push(s.scenario);
  }
  return { scenarios, rubrics, errors };
}
