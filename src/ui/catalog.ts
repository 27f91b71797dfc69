import { cards, errors, loadRubric, loadScenario, loadSharedFiles, rubricIds } from 'virtual:comptoir/scenarios';
import type { ScenarioCard } from '../build/scenario-card';
import type { Catalog } from '../core/load/catalog';
import type { LoadError } from '../core/load/yaml-source';
import type { Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';

export type { ScenarioCard };

/** The menu's list: compiled and checked at build time (src/build/compile-scenarios.ts). */
export interface MenuCatalog {
  scenarios: ScenarioCard[];
  /** Files refused by the loader; only ever non-empty in development, since a build fails on them. */
  errors: LoadError[];
}

export interface Playable {
  scenario: Scenario;
  rubric: Rubric;
}

/** Same format as the core's formatError, without pulling the YAML checker into the menu. */
export const formatError = (e: LoadError) => `${e.file}:${e.line}:${e.col}: ${e.message}`;

export function browserCatalog(): MenuCatalog {
  return { scenarios: cards, errors };
}

/** Scenarios opened from a teacher's own file, already checked. */
const opened = new WeakMap<ScenarioCard, Playable>();

export function addOpened(playable: Playable, card: ScenarioCard): ScenarioCard {
  opened.set(card, playable);
  return card;
}

/** A scenario's full data, fetched on demand (one small chunk per scenario). */
export async function playable(card: ScenarioCard): Promise<Playable> {
  const own = opened.get(card);
  if (own) return own;
  const [scenario, rubric] = await Promise.all([loadScenario(card.id), loadRubric(card.rubric)]);
  return { scenario, rubric };
}

export async function allRubrics(): Promise<Map<string, Rubric>> {
  return new Map(await Promise.all(rubricIds.map(async (id) => [id, await loadRubric(id)] as const)));
}

/** The shared moves and desks as source files, for checking a teacher's own scenario file. */
export const sharedFiles = () => loadSharedFiles();

/**
 * Every scenario and rubric in full, for the screens that need them all (teacher area,
 * assessment sessions, history): fetched on demand, never for the first screen.
 */
export async function fullCatalog(): Promise<Catalog> {
  const [scenarios, rubrics] = await Promise.all([Promise.all(cards.map((card) => playable(card).then((p) => p.scenario))), allRubrics()]);
  // The behaviour library serves the audit of authored files, not the screens: not fetched here.
  return { scenarios, rubrics, behaviours: new Map(), errors };
}
