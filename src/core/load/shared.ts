import type { LoadError, YamlSource } from './yaml-source';

/** Reusable moves (`use: stand-up`) and desk data per organisation (`desk: { use: axeo }`), from scenarios/shared/. */
export interface Shared {
  moves: Map<string, Record<string, unknown>>;
  desks: Map<string, Record<string, unknown>>;
}

export const emptyShared = (): Shared => ({ moves: new Map(), desks: new Map() });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a shared file's moves and desks; a name given twice is an error at its second place. */
export function addShared(shared: Shared, source: YamlSource, data: unknown): LoadError[] {
  const errors: LoadError[] = [];
  if (!isObject(data)) return [source.error([], 'a shared file is a mapping with "moves" and/or "desks"')];
  for (const key of Object.keys(data))
    if (key !== 'moves' && key !== 'desks') errors.push(source.error([], `unknown field "${key}"; expected moves, desks`, key));
  for (const [kind, map] of [
    ['moves', shared.moves],
    ['desks', shared.desks],
  ] as const) {
    const entries = data[kind];
    if (entries === undefined) continue;
    if (!isObject(entries)) {
      errors.push(source.error([kind], `${kind} is a mapping from names to ${kind === 'moves' ? 'options' : 'desks'}`));
      continue;
    }
    for (const [name, value] of Object.entries(entries)) {
      if (!isObject(value)) errors.push(source.error([kind, name], `${kind}.${name} must be a mapping`));
      else if (map.has(name)) errors.push(source.error([kind, name], `${kind.slice(0, -1)} "${name}" is defined twice in the shared files`));
      else map.set(name, value);
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
          const move = shared.moves.get(use as string);
          if (!move) {
            errors.push(source.error([...path, i, 'use'], `unknown shared move "${use}"; expected one of ${[...shared.moves.keys()].join(', ') || '(none)'}`));
            return own;
          }
          return { id: use, ...move, ...own };
        })
      : list;
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
