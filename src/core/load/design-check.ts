import type { Library } from '../audit/archetypes';
import { play } from '../policies/play';
import type { Rubric } from '../schema/rubric';
import type { Observation, Option, Scenario } from '../schema/scenario';

/**
 * Authoring checks beyond validity: an ideal path that cannot reach TS, an option that
 * would be recommended for one indicator while it breaks another (the debrief would
 * then recommend a fault), a criterion the scenario gives fewer than two occasions, a desk
 * tool an option opens with nothing in it.
 */
export function designWarnings(scenario: Scenario, rubric: Rubric, library?: Library): string[] {
  const warnings: string[] = [];
  if (library) warnings.push(...libraryWarnings(scenario, rubric, library));
  const ideal = play(scenario, rubric, 'ideal', 1);
  for (const [id, c] of Object.entries(ideal.criteria)) {
    if (c.level && c.level !== 'TS') {
      const off = c.indicators.filter((i) => i.status && i.status !== 'met').map((i) => `${i.ref} ${i.status}`);
      warnings.push(`the ideal receptionist reaches only ${c.level} on ${id} (${off.join(', ')}): is a good option missing?`);
    }
  }
  for (const contact of scenario.contacts) {
    const options = [...Object.values(contact.phases).flatMap((p) => p?.options ?? []), ...(contact.anytime ?? []), ...(contact.after ?? [])];
    // An indicator whose only way to be met also breaks another would make the debrief recommend a fault.
    const clean = new Set(
      options
        .filter((o) => !o.observe?.some((x) => x.as === 'breach' || x.as === 'grave'))
        .flatMap((o) => (o.observe ?? []).filter((x) => x.as === 'met').map((x) => x.indicator)),
    );
    for (const o of options) {
      for (const x of o.observe ?? []) {
        if (x.as === 'met' && !clean.has(x.indicator)) {
          warnings.push(
            `${x.indicator} is only met by option "${o.id}", which also breaks ${o
              .observe!.filter((y) => y.as === 'breach' || y.as === 'grave')
              .map((y) => y.indicator)
              .join(', ')}: the debrief would recommend a fault`,
          );
        }
      }
    }
    // A tool opened on an empty page: "Consult the room schedule" with no schedule to read.
    const empty = { records: !scenario.desk.records?.length, diary: !Object.keys(scenario.desk.diaries ?? {}).length } as Record<string, boolean>;
    for (const o of options) {
      if (o.tool && empty[o.tool])
        warnings.push(`option "${o.id}" opens the desk's ${o.tool}, which this scenario leaves empty: add desk.${o.tool === 'diary' ? 'diaries' : 'records'}`);
    }
    for (const c of rubric.criteria) {
      const occasions = options.filter((o) => o.observe?.some((x) => x.indicator.startsWith(`${c.id}.`))).length;
      if (occasions === 1) warnings.push(`contact "${contact.id}" gives ${c.id} a single occasion: one slip would decide its level`);
    }
  }
  return warnings;
}

/**
 * A hand-written option whose words show it is a shared behaviour (its `keywords`) but
 * which labels that behaviour's indicator with another severity, or not at all: the
 * library fixes severity once for every scenario (`use:` it, or say why with `relabel`).
 */
const isExactly = (o: Option, fixed: Observation[] | undefined) =>
  !!fixed?.length && fixed.every((f) => o.observe?.some((x) => x.indicator === f.indicator && x.as === f.as));

function libraryWarnings(scenario: Scenario, rubric: Rubric, library: Library): string[] {
  const warnings: string[] = [];
  for (const contact of scenario.contacts) {
    const options = [...Object.values(contact.phases).flatMap((p) => p?.options ?? []), ...(contact.anytime ?? []), ...(contact.after ?? [])];
    for (const o of options) {
      // Said why (relabel), or exactly one of the library's behaviours: nothing to warn about.
      if (o.relabel || [...library.values()].some((b) => isExactly(o, b.observe[rubric.id]))) continue;
      const words = `${o.text.fr} ${o.text.en}`.toLowerCase();
      for (const [name, b] of library) {
        const fixed = b.observe[rubric.id];
        const keyword = b.keywords.find((k) => words.includes(k.toLowerCase()));
        if (!fixed?.length || !keyword) continue;
        const off = fixed.filter((f) => !o.observe?.some((x) => x.indicator === f.indicator && x.as === f.as));
        if (!off.length) continue;
        const said = off.map((f) => {
          const own = o.observe?.find((x) => x.indicator === f.indicator);
          return `${f.indicator} ${own ? `as ${own.as}` : 'not at all'} (the library: ${f.as})`;
        });
        warnings.push(
          `option "${o.id}" reads like the shared behaviour "${name}" («${keyword}») but labels ${said.join(', ')}: use: ${name}, or relabel with a reason`,
        );
      }
    }
  }
  return warnings;
}
