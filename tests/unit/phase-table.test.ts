import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, getInitialSnapshot, getNextSnapshot } from 'xstate';
import { PHASE_MACHINES } from '../../src/core/machines/index';
import { PHASE_EVENTS, tablesOn } from '../../src/core/machines/phase-table';
import { reviveTables, tablesData } from '../../src/core/machines/phase-table-data';
import { PHASES } from '../../src/core/machines/procedure';

// The lookup tables stand in for XState in the hot path: they must say exactly what the machines say.
describe.each(PHASES)('%s phase table', (phase) => {
  const machine = PHASE_MACHINES[phase] as AnyStateMachine;
  const table = tablesOn('face')[phase];

  /** Every snapshot the machine can reach from its initial one, walked with XState alone. */
  const reachable = () => {
    const seen = new Map<string, AnyMachineSnapshot>();
    const queue = [getInitialSnapshot(machine)];
    while (queue.length) {
      const snap = queue.shift()!;
      const name = String(snap.value);
      if (seen.has(name)) continue;
      seen.set(name, snap);
      for (const type of PHASE_EVENTS) if (snap.can({ type })) queue.push(getNextSnapshot(machine, snap, { type }));
    }
    return seen;
  };

  it('has the machine initial state and every declared state', () => {
    expect(table.initial).toBe(String(getInitialSnapshot(machine).value));
    expect(Object.keys(table.states).sort()).toEqual(Object.keys(machine.states).sort());
  });

  it('agrees with can, getNextSnapshot, tags and status for every reachable state and every act', () => {
    const states = reachable();
    expect(states.size).toBeGreaterThan(1);
    for (const [name, snap] of states) {
      const row = table.states[name];
      expect(row.canLeave, name).toBe(snap.hasTag('canLeave'));
      expect(row.final, name).toBe(snap.status === 'done');
      expect(row.outcome, name).toBe(row.final ? (snap.output as { outcome: string }).outcome : undefined);
      for (const type of PHASE_EVENTS) {
        expect(row.next.has(type), `${name} ${type}`).toBe(!row.final && snap.can({ type }));
        if (row.next.has(type)) expect(row.next.get(type), `${name} ${type}`).toBe(String(getNextSnapshot(machine, snap, { type }).value));
      }
    }
  });

  it('knows nothing of unknown events', () => {
    for (const row of Object.values(table.states)) expect(row.next.has('NO_SUCH_ACT')).toBe(false);
  });
});

// The built game gets the tables as JSON (src/build/phase-tables.ts): the round trip must lose nothing.
describe.each(['face', 'phone'] as const)('%s tables as JSON', (channel) => {
  it('revive to the same tables, in the same order', () => {
    const tables = tablesOn(channel);
    const revived = reviveTables(JSON.parse(JSON.stringify(tablesData(tables))));
    expect(revived).toEqual(tables);
    for (const phase of PHASES)
      for (const [name, state] of Object.entries(tables[phase].states)) expect([...revived[phase].states[name].next.keys()]).toEqual([...state.next.keys()]);
  });
});
