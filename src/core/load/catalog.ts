import { z } from 'zod';
import { contactChannel } from '../schema/channel';
import { type Rubric, RubricSchema } from '../schema/rubric';
import { type Observation, Observation as ObservationSchema, type Scenario, ScenarioSchema } from '../schema/scenario';
import { ScenarioV1Schema } from '../schema/v1';
import { findIndicator, indicatorRefs } from '../scoring/indicators';
import { findDeadEnds } from './coverage';
import { migrateV1 } from './migrate';
import { addShared, emptyShared, resolveShared, type Shared } from './shared';
import { type LoadError, YamlSource } from './yaml-source';

/** A file's name and text: the core never touches a file system itself. */
export interface SourceFile {
  file: string;
  text: string;
}

export interface Catalog {
  scenarios: Scenario[];
  rubrics: Map<string, Rubric>;
  /**
   * The shared behaviour library: per behaviour, per rubric id, the observations it fixes,
   * and the words that show a hand-written option is that behaviour (audit, validate).
   */
  behaviours: Map<string, { observe: Record<string, Observation[]>; keywords: string[] }>;
  /** Files that were refused, each with every problem found in it. */
  errors: LoadError[];
}

export function loadRubric(src: SourceFile): { rubric?: Rubric; errors: LoadError[] } {
  const { source, errors } = YamlSource.parse(src.text, src.file);
  if (errors.length) return { errors };
  const { value, errors: invalid } = source.validate(RubricSchema);
  return { rubric: value, errors: invalid };
}

export function loadShared(files: SourceFile[]): { shared: Shared; errors: LoadError[] } {
  const shared = emptyShared();
  const errors: LoadError[] = [];
  for (const f of files) {
    const { source, errors: syntax } = YamlSource.parse(f.text, f.file);
    if (syntax.length) {
      errors.push(...syntax);
      continue;
    }
    const read = source.data();
    errors.push(...read.errors, ...(read.errors.length ? [] : addShared(shared, source, read.value)));
  }
  return { shared, errors };
}

/** The scenario's data in format 2: migrated from format 1, or with its shared moves and desk filled in. */
export function scenarioData(source: YamlSource, shared: Shared): { data?: unknown; errors: LoadError[] } {
  const read = source.data();
  if (read.errors.length) return { errors: read.errors };
  const raw = read.value as Record<string, unknown> | null;
  const format = raw && typeof raw === 'object' ? raw.format : undefined;
  if (format === undefined || format === 1) {
    const v1 = source.validate(ScenarioV1Schema, raw);
    if (!v1.value) return { errors: v1.errors.map((e) => ({ ...e, message: `${e.message} (read as format 1, since the file has no "format: 2")` })) };
    return { data: migrateV1(v1.value), errors: [] };
  }
  if (format !== 2)
    return { errors: [source.error(['format'], `unknown format ${JSON.stringify(format)}; expected 2 (or no format field for a format-1 file)`)] };
  return resolveShared(raw, shared, source);
}

/** A rubric for another channel (a phone scenario with the face-to-face rubric): said first, even when the file has other errors. */
function channelProblem(data: unknown, rubrics: Map<string, Rubric>, source: YamlSource): LoadError[] {
  const { channel, rubric: id } = (data && typeof data === 'object' ? data : {}) as { channel?: unknown; rubric?: unknown };
  const rubric = typeof id === 'string' ? rubrics.get(id) : undefined;
  if (!rubric || channel === 'mixed' || typeof channel !== 'string' || rubric.channel === channel) return [];
  return [source.error(['rubric'], `rubric "${rubric.id}" is for the ${rubric.channel} channel, but this scenario's channel is ${channel}`)];
}

/** Everything that needs the rubric: indicators exist, the channels match. */
function checkAgainstRubric(value: Scenario, rubric: Rubric, source: YamlSource): LoadError[] {
  const problems: LoadError[] = [];
  problems.push(...channelProblem(value, new Map([[rubric.id, rubric]]), source));
  const known = () => indicatorRefs(rubric).join(', ');
  value.contacts.forEach((c, ci) => {
    c.essential?.forEach((ref, i) => {
      if (!findIndicator(rubric, ref))
        problems.push(source.error(['contacts', ci, 'essential', i], `unknown indicator "${ref}" for rubric ${rubric.id}; expected one of ${known()}`));
    });
    const groups: [(string | number)[], Scenario['contacts'][number]['anytime']][] = [
      ...Object.entries(c.phases).map(
        ([p, s]) =>
          [['contacts', ci, 'phases', p, 'options'], s?.options] as [
            (string | number)[],
            typeof s extends undefined ? never : Scenario['contacts'][number]['anytime'],
          ],
      ),
      [['contacts', ci, 'anytime'], c.anytime],
      [['contacts', ci, 'after'], c.after],
    ];
    for (const [path, options] of groups) {
      options?.forEach((o, oi) =>
        o.observe?.forEach((ob, bi) => {
          if (!findIndicator(rubric, ob.indicator)) {
            problems.push(
              source.error(
                [...path, oi, 'observe', bi, 'indicator'],
                `unknown indicator "${ob.indicator}" for rubric ${rubric.id}; expected one of ${known()}`,
              ),
            );
          }
        }),
      );
    }
  });
  return problems;
}

export function loadScenario(
  src: SourceFile,
  rubrics: Map<string, Rubric>,
  shared: Shared = emptyShared(),
): { scenario?: Scenario; errors: LoadError[]; source?: YamlSource } {
  const { source, errors } = YamlSource.parse(src.text, src.file);
  if (errors.length) return { errors };
  const read = scenarioData(source, shared);
  if (read.errors.length) return { errors: read.errors };
  const { value, errors: invalid } = source.validate(ScenarioSchema, read.data);
  if (!value) return { errors: [...channelProblem(read.data, rubrics, source), ...invalid] };
  const rubric = rubrics.get(value.rubric);
  const problems = rubric
    ? checkAgainstRubric(value, rubric, source)
    : [source.error(['rubric'], `unknown rubric "${value.rubric}"; expected one of ${[...rubrics.keys()].join(', ') || '(no rubric loaded)'}`)];
  value.contacts.forEach((c, ci) =>
    findDeadEnds(c, contactChannel(value, c)).forEach((d) => problems.push(source.error(['contacts', ci, 'phases', d.phase], d.message))),
  );
  return problems.length ? { errors: problems } : { scenario: value, errors: [], source };
}

/** Loads everything it can: a bad file is reported and skipped, the rest is kept. */
export function loadCatalog(scenarioFiles: SourceFile[], rubricFiles: SourceFile[], sharedFiles: SourceFile[] = []): Catalog {
  const errors: LoadError[] = [];
  const rubrics = new Map<string, Rubric>();
  for (const f of rubricFiles) {
    const r = loadRubric(f);
    errors.push(...r.errors);
    if (r.rubric) rubrics.set(r.rubric.id, r.rubric);
  }
  const { shared, errors: sharedErrors } = loadShared(sharedFiles);
  errors.push(...sharedErrors);
  const behaviours = checkBehaviours(shared, rubrics, errors);
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();
  for (const f of scenarioFiles) {
    const s = loadScenario(f, rubrics, shared);
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
  return { scenarios, rubrics, behaviours, errors };
}

/** Each behaviour's observations name a known rubric and that rubric's indicators, with a valid status: else a located error. */
function checkBehaviours(shared: Shared, rubrics: Map<string, Rubric>, errors: LoadError[]): Catalog['behaviours'] {
  const out: Catalog['behaviours'] = new Map();
  for (const [name, b] of shared.behaviours) {
    const source = shared.behaviourSources.get(name)!;
    const perRubric: Record<string, Observation[]> = {};
    for (const [id, list] of Object.entries(b.observe as Record<string, unknown>)) {
      const rubric = rubrics.get(id);
      const path = ['behaviours', name, 'observe', id];
      if (!rubric) continue; // a rubric not loaded here (tests load one); tests/unit/loader.test.ts checks the library names only real ones
      const parsed = z.array(ObservationSchema).safeParse(list);
      if (!parsed.success) {
        errors.push(source.error(path, `expected a list of observations ({indicator, as, why}): ${parsed.error.issues[0]?.message ?? ''}`));
        continue;
      }
      parsed.data.forEach((o, i) => {
        if (!findIndicator(rubric, o.indicator)) errors.push(source.error([...path, i, 'indicator'], `unknown indicator "${o.indicator}" for rubric ${id}`));
      });
      perRubric[id] = parsed.data;
    }
    const keywords = Array.isArray(b.keywords) && b.keywords.every((k) => typeof k === 'string') ? (b.keywords as string[]) : [];
    if (b.keywords !== undefined && !keywords.length) errors.push(source.error(['behaviours', name, 'keywords'], 'expected a list of words'));
    out.set(name, { observe: perRubric, keywords });
  }
  return out;
}
