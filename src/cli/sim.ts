// npm run sim -- <scenario id or path> --policy ideal|rude|passive|random|key-N --seed N [--json]
// npm run sim -- <scenario id or path> --replay run.json [--json]   (re-scores a saved run, e.g. from the browser)

import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatError } from '../core/load/yaml-source';
import { play } from '../core/policies/play';
import { type PolicyName, policyNamed } from '../core/policies/policies';
import { type Run, replay, resultOf } from '../core/result';
import { loadFromDisk } from './files';

const usage = 'usage: npm run sim -- <scenario id or path> [--policy ideal|rude|passive|random|key-N] [--seed N] [--replay run.json] [--json]';

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      replay: { type: 'string' },
      policy: { type: 'string', default: 'ideal' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  const target = positionals[0];
  if (!target) throw new Error(usage);
  const policy = values.policy as PolicyName;
  if (!policyNamed(policy)) throw new Error(`unknown policy "${policy}"; ${usage}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);

  const catalog = loadFromDisk(existsSync(target) ? [target] : []);
  const scenario = catalog.scenarios.find((s) => s.id === target) ?? (existsSync(target) ? catalog.scenarios[0] : undefined);
  if (!scenario) {
    const bad = catalog.errors.map(formatError).join('\n');
    throw new Error(`no valid scenario "${target}"${bad ? `:\n${bad}` : `; known: ${catalog.scenarios.map((s) => s.id).join(', ')}`}`);
  }
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const result = values.replay ? { policy: 'replay', ...resultOf(replay(scenario, rubric, readRun(values.replay))) } : play(scenario, rubric, policy, seed);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  console.log(`${scenario.id} — policy ${result.policy}, seed ${result.seed}, ${result.end} s`);
  for (const [id, c] of Object.entries(result.criteria)) {
    console.log(`  ${id.padEnd(4)} ${(c.level ?? 'not assessed').padEnd(13)} ${c.met}/${c.assessed} indicators met`);
  }
  console.log(`  satisfaction ${result.satisfaction.score}/100 (${result.satisfaction.level})`);
}

function readRun(path: string): Run {
  let run: Run;
  try {
    run = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not a readable run file (${(err as Error).message})`);
  }
  if (!run || typeof run.seed !== 'number' || !Array.isArray(run.actions) || typeof run.end !== 'number') {
    throw new Error(`${path}: a run needs "scenario", "seed", "actions" and "end"`);
  }
  return run;
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
