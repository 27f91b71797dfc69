// npm run bench: how fast the core loads and plays scenarios headless (a benchmark, not a test).
import { performance } from 'node:perf_hooks';
import { play } from '../core/policies/play';
import { POLICY_NAMES } from '../core/policies/policies';
import { loadFromDisk } from './files';

const RUNS = Number(process.argv[2] ?? 200);

let t0 = performance.now();
const catalog = loadFromDisk();
console.log(`load + validate ${catalog.scenarios.length} scenarios: ${(performance.now() - t0).toFixed(1)} ms`);

for (const scenario of catalog.scenarios) {
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  for (const policy of POLICY_NAMES) {
    t0 = performance.now();
    let simulated = 0;
    for (let seed = 1; seed <= RUNS; seed++) simulated += play(scenario, rubric, policy, seed).end;
    const ms = performance.now() - t0;
    console.log(
      `${scenario.id.padEnd(24)} ${policy.padEnd(8)} ${(ms / RUNS).toFixed(2).padStart(7)} ms/shift  ` +
        `${Math.round(simulated / RUNS)
          .toString()
          .padStart(4)} s simulated  ×${Math.round(simulated / (ms / 1000))} real time`,
    );
  }
}
