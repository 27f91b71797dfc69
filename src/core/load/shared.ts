import type { LoadError, YamlSource } from './yaml-source';

/**
 * Reusable moves (`use: stand-up`), the behaviour library (`use: sigh`: observations fixed
 * per rubric, behaviours.yaml) and desk data per organisation (`desk: { use: axeo }`), from
 * scenarios/shared/.
 */
export interface Shared {
  moves: Map<string, Record<string, unknown>>;
  behaviours: Map<string, Record<string, unknown>>;
  desks: Map<string, Record<string, unknown>>;
  /** Where each behaviour is written, so a check against the rubrics can say file and line. */
  behaviourSources: Map<string, YamlSource>;
}

export const emptyShared = (): Shared => ({ moves: new Map(), behaviours: new Map(), desks: new Map(), behaviourSources: new Map() });

const KINDS = ['moves', 'behaviours', 'desks'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a shared file's moves and desks; a name given twice is an error at its second place. */
export function addShared(shared: Shared, source: YamlSource, data: unknown): LoadError[] {
  const errors: LoadError[] = [];
  if (!isObject(data)) return [source.error([], 'a shared file is a mapping with "moves", "behaviours" and/or "desks"')];
  for (const key of Object.keys(data))
    if (!(KINDS as readonly string[]).includes(key)) errors.push(source.error([], `unknown field "${key}"; expected ${KINDS.join(', ')}`, key));
  for (const kind of KINDS) {
    const map = shared[kind];
    const entries = data[kind];
    if (entries === undefined) continue;
    if (!isObject(entries)) {
      errors.push(source.error([kind], `${kind} is a mapping from names to ${kind === 'desks' ? 'desks' : 'options'}`));
      continue;
    }
    for (const [name, value] of Object.entries(entries)) {
      if (!isObject(value)) errors.push(source.error([kind, name], `${kind}.${name} must be a mapping`));
      else if (shared.moves.has(name) || shared.behaviours.has(name) || (kind === 'desks' && shared.desks.has(name)))
        errors.push(source.error([kind, name], `"${name}" is defined twice in the shared files`));
      else if (kind === 'behaviours' && !isObject(value.observe))
        errors.push(source.error([kind, name], `behaviour "${name}" needs observe: a list of observations per rubric id`));
      else {
        map.set(name, value);
        if (kind === 'behaviours') shared.behaviourSources.set(name, source);
      }
    }
  }
  return errors;
}

/** Replaces `use:` references with the shared data they name, overridden by what the scenario writes beside them. */
export function resolveShared(data: unknown, shared: Shared, source: YamlSource): { data: unknown; errors: LoadError[] } {
  const errors: LoadError[] = [];
  if (!isObject(data)) return { data, errors };
  const out: Record<string, unknown> = { ...data };
  if (isObject(out.desk) && typeof out.desk.use === 'string') {
    const { use, ...own } = out.desk;
    const base = shared.desks.get(use as string);
    if (!base) errors.push(source.error(['desk', 'use'], `unknown shared desk "${use}"; expected one of ${[...shared.desks.keys()].join(', ') || '(none)'}`));
    out.desk = { ...base, ...own };
  }
  const options = (list: unknown, path: (string | number)[]) =>
    Array.isArray(list)
      ? list.map((o, i) => {
          if (!isObject(o) || typeof o.use !== 'string') return o;
          const { use, ...own } = o;
          const behaviour = shared.behaviours.get(use as string);
          if (behaviour) return fromBehaviour(use as string, behaviour, own, [...path, i]);
          const move = shared.moves.get(use as string);
          if (!move) {
            const known = [...shared.moves.keys(), ...shared.behaviours.keys()].join(', ') || '(none)';
            errors.push(source.error([...path, i, 'use'], `unknown shared move or behaviour "${use}"; expected one of ${known}`));
            return own;
          }
          return { id: use, ...move, ...own };
        })
      : list;
  /** A library behaviour: its observations for this scenario's rubric, never relabelled without a reason. */
  const fromBehaviour = (use: string, behaviour: Record<string, unknown>, own: Record<string, unknown>, path: (string | number)[]) => {
    const { observe: perRubric, keywords: _keywords, ...base } = behaviour as { observe: Record<string, unknown>; keywords?: unknown };
    const { relabel, rule, ...mine } = own;
    const rubric = typeof out.rubric === 'string' ? out.rubric : '';
    if (mine.observe !== undefined) {
      if (typeof relabel !== 'string' || !relabel.trim())
        errors.push(
          source.error(
            [...path, 'observe'],
            `relabels the shared behaviour "${use}" (its severity is fixed in scenarios/shared/behaviours.yaml); say why with relabel: "…", or drop observe`,
          ),
        );
      return { id: use, ...base, ...mine, relabel };
    }
    if (relabel !== undefined) errors.push(source.error([...path, 'relabel'], `relabel explains an observe written beside use: "${use}"; there is none`));
    const observe = perRubric[rubric];
    if (!Array.isArray(observe)) {
      errors.push(
        source.error([...path, 'use'], `the shared behaviour "${use}" has no observations for rubric "${rubric}"; it has ${Object.keys(perRubric).join(', ')}`),
      );
      return { id: use, ...base, ...mine };
    }
    // A rule broken (confidentiality) is named by the scenario: it owns its desk rules.
    const named = typeof rule === 'string' ? observe.map((x) => (isObject(x) ? { ...x, rule } : x)) : observe;
    return { id: use, ...base, ...mine, observe: named };
  };
  if (Array.isArray(out.contacts)) {
    out.contacts = out.contacts.map((c, ci) => {
      if (!isObject(c)) return c;
      const contact: Record<string, unknown> = { ...c };
      if (isObject(c.phases)) {
        contact.phases = Object.fromEntries(
          Object.entries(c.phases).map(([p, script]) => [
            p,
            isObject(script) ? { ...script, options: options(script.options, ['contacts', ci, 'phases', p, 'options']) } : script,
          ]),
        );
      }
      for (const key of ['anytime', 'after'] as const) if (c[key] !== undefined) contact[key] = options(c[key], ['contacts', ci, key]);
      return contact;
    });
  }
  return { data: out, errors };
}
