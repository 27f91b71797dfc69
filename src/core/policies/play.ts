import { resultOf, type ShiftResult } from '../result';
import { createRng, type Rng } from '../rng';
import type { Rubric } from '../schema/rubric';
import type { Scenario } from '../schema/scenario';
import { Shift } from '../shift/shift';
import { type Decision, type Policy, type PolicyName, policyNamed } from './policies';

/** Upper bound on decisions, so a faulty scenario can never hang a bot. */
const MAX_STEPS = 5000;

/** Plays a scenario headless with a scripted receptionist. */
export function play(scenario: Scenario, rubric: Rubric, policyName: PolicyName, seed: number): ShiftResult & { policy: PolicyName } {
  const policy = policyNamed(policyName);
  if (!policy) throw new Error(`no policy "${policyName}"`);
  return { policy: policyName, ...playWith(scenario, rubric, policy, seed) };
}

/** Plays with any policy object (the audit's archetypes). */
export function playWith(scenario: Scenario, rubric: Rubric, policy: Policy, seed: number): ShiftResult {
  const shift = new Shift(scenario, rubric, seed);
  // The policy's own dice are separate from the world's, so a policy change never shifts the world.
  const rng = createRng(seed ^ 0x5eed);
  for (const item of policy.prepare(shift, rng)) shift.prepare(item);
  shift.openDesk();
  for (let step = 0; !shift.finished; step++) {
    if (step > MAX_STEPS) throw new Error(`${policy.name} made no progress in ${scenario.id} after ${MAX_STEPS} steps`);
    playStep(shift, policy, rng);
  }
  return resultOf(shift);
}

/**
 * One decision of a scripted receptionist, carried out: a wait (at most `maxWait`
 * seconds), or an act after its reaction time — if the option is still there by then.
 */
export function playStep(shift: Shift, policy: Policy, rng: Rng, maxWait = Number.POSITIVE_INFINITY): Decision {
  const d = policy.decide(shift, rng);
  if ('wait' in d) {
    shift.advance(Math.min(d.wait, maxWait));
    return d;
  }
  shift.advance(d.after);
  const still =
    !shift.finished &&
    shift
      .contact(d.contact)
      .available()
      .some((o) => o.id === d.option);
  if (still) shift.act(d.contact, d.option, d.input);
  return d;
}
