import type { AnyStateMachine } from 'xstate';
import { machinesOn } from '../machines/index';
import { NEXT_PHASE } from '../machines/phase-flow';
import { tablesOn } from '../machines/phase-table';
import { type Channel, PHASES, type Phase } from '../machines/procedure';
import type { Contact } from '../schema/scenario';

/** Acts the script offers in a given state of a phase (the `when` filter applied; conditions may only narrow it). */
export function scriptedActs(contact: Contact, phase: Phase, state: string): string[] {
  const options = contact.phases[phase]?.options ?? [];
  return options.filter((o) => !o.when || o.when.includes(state)).map((o) => o.act);
}

/**
 * Explores each phase machine with only the acts this contact's script offers (plus
 * world events) and reports states from which the phase can neither finish nor be
 * left for the next phase: a visit would be stuck there. It walks the phase tables
 * (machines/phase-table.ts, derived from the machines and checked against them), not
 * XState snapshots: the loader runs this on every file, and XState cost most of a load.
 */
export function findDeadEnds(contact: Contact, channel: Channel = 'face'): { phase: Phase; state: string; message: string }[] {
  const problems: { phase: Phase; state: string; message: string }[] = [];
  for (const phase of PHASES) {
    if (!contact.phases[phase]) continue;
    const table = tablesOn(channel)[phase];
    const next = NEXT_PHASE[phase];
    const edges = new Map<string, Set<string>>();
    const exits = new Set<string>();
    const seen = new Set<string>();
    const queue: string[] = [table.initial];
    while (queue.length) {
      const state = queue.shift()!;
      if (seen.has(state)) continue;
      seen.add(state);
      const row = table.states[state];
      if (row.final || (row.canLeave && next && contact.phases[next])) exits.add(state);
      edges.set(state, new Set());
      for (const type of [...scriptedActs(contact, phase, state), 'COLLEAGUE_ARRIVED']) {
        const after = row.next.get(type);
        if (after === undefined) continue;
        edges.get(state)!.add(after);
        queue.push(after);
      }
    }
    // States that can reach a way out, by walking edges backwards to a fixpoint.
    const good = new Set(exits);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [from, tos] of edges) {
        if (!good.has(from) && [...tos].some((t) => good.has(t))) good.add(from), (changed = true);
      }
    }
    const stuck = [...seen].filter((st) => !good.has(st));
    const frontier = stuck.filter((st) => [...(edges.get(st) ?? [])].every((to) => to === st));
    for (const state of frontier.length ? frontier : stuck) {
      const possible = ((machinesOn(channel)[phase] as AnyStateMachine).states[state]?.events ?? []).filter((e: string) => e !== 'COLLEAGUE_ARRIVED');
      problems.push({
        phase,
        state,
        message: `the ${phase} phase gets stuck in state "${state}": no option leads on from there (add an option with one of the acts ${possible.join(', ')})`,
      });
    }
  }
  return problems;
}
