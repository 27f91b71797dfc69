// npm run schema: writes scenarios/schema.json so editors autocomplete scenario files.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../core/schema/json-schema';

writeFileSync('scenarios/schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/schema.json');
