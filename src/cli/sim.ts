// npm run sim -- <scenario id or path> --policy ideal|rude|passive|random|key-N --seed N [--json]
// npm run sim -- <scenario id or path> --replay run.json [--json]   (re-scores a saved run, e.g. from the browser)

import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatError } from '../core/load/yaml-source';
import { play } from '../core/policies/play';
import { type PolicyName, policyNamed } from '../core/policies/policies';
import type { ShiftResult } from '../core/result';
import { levelsOf } from '../core/run/attempt';
import { checkRun } from '../core/run/check-run';
import { situationScore } from '../core/run/grade';
import { verdictOf } from '../core/scoring/verdict';
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
  let flags: { code: string; message: string }[] = [];
  let result: ShiftResult & { policy: string };
  if (values.replay) {
    // A run is checked before it is believed: refused (exit 1) when malformed or cut short; flagged when implausibly fast.
    const check = checkRun(readRun(values.replay), scenario, rubric);
    flags = check.flags.map(({ code, message }) => ({ code, message }));
    if (!check.ok) {
      if (values.json) process.stdout.write(`${JSON.stringify({ policy: 'replay', refused: check.problems, flags }, null, 2)}\n`);
      throw new Error(`${values.replay}: run refused: ${check.problems.map((p) => p.message).join('; ')}`);
    }
    result = { policy: 'replay', ...check.result };
  } else result = play(scenario, rubric, policy, seed);
  // The situation's score: the levels' average, failed whatever it is on a grave fault or an unmet request.
  const verdict = verdictOf(result);
  const score = { ...situationScore([{ levels: levelsOf(result), failed: verdict.failed }]), faults: verdict.faults };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(values.replay ? { ...result, score, flags } : { ...result, score }, null, 2)}\n`);
    return;
  }
  for (const f of flags) console.log(`  flag: ${f.message}`);
  console.log(`${scenario.id} — policy ${result.policy}, seed ${result.seed}, ${result.end} s`);
  for (const [id, c] of Object.entries(result.criteria)) {
    console.log(`  ${id.padEnd(4)} ${(c.level ?? 'not assessed').padEnd(13)} ${c.met}/${c.assessed} indicators met`);
  }
  console.log(`  satisfaction ${result.satisfaction.score}/100 (${result.satisfaction.level})`);
  const held = score.capped ? ` (the levels alone: ${score.capped.from})` : '';
  console.log(`  score ${score.percent}/100, ${score.passed ? 'passed' : 'failed'}${held}`);
  for (const f of score.faults) console.log(`  fails: ${f.kind} — ${f.contact} at ${f.t} s${f.indicator ? ` (${f.indicator}, ${f.option ?? ''})` : ''}`);
}

function readRun(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not a readable run file (${(err as Error).message})`);
  }
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
