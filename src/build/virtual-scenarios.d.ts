/** Written by src/build/compile-scenarios.ts at build time: checked scenario data, no YAML. */
declare module 'virtual:comptoir/scenarios' {
  import type { LoadError } from '../core/load/yaml-source';
  import type { Rubric } from '../core/schema/rubric';
  import type { Scenario } from '../core/schema/scenario';
  import type { ScenarioCard } from './scenario-card';

  export const cards: ScenarioCard[];
  /** Refused files (only while developing: a build with one fails). */
  export const errors: LoadError[];
  export const rubricIds: string[];
  export function loadScenario(id: string): Promise<Scenario>;
  export function loadRubric(id: string): Promise<Rubric>;
  /** scenarios/shared/ as source files (moves and desks a teacher's own file may use). */
  export function loadSharedFiles(): Promise<{ file: string; text: string }[]>;
}
