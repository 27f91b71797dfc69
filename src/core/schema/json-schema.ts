import { z } from 'zod';
import { ScenarioSchema } from './scenario';

/** The scenario format as JSON Schema, for editors (cross-file checks stay in the loader). */
export function scenarioJsonSchema() {
  return { title: 'Comptoir scenario', ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) };
}
