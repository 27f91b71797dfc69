import type { PhaseTable } from './phase-table';
import type { Phase } from './procedure';

/** A phase table as plain JSON: `next` as [act, state] pairs, in the machine's order. */
export interface PhaseTableData {
  initial: string;
  states: Record<string, { next: [string, string][]; canLeave: boolean; final: boolean; outcome?: string }>;
}

export type PhaseTablesData = Record<Phase, PhaseTableData>;

/** The tables of one channel as JSON, written into the built game (src/build/phase-tables.ts). */
export function tablesData(tables: Record<Phase, PhaseTable>): PhaseTablesData {
  const data = {} as PhaseTablesData;
  for (const [phase, table] of Object.entries(tables) as [Phase, PhaseTable][]) {
    const states: PhaseTableData['states'] = {};
    for (const [name, s] of Object.entries(table.states)) states[name] = { ...s, next: [...s.next] };
    data[phase] = { initial: table.initial, states };
  }
  return data;
}

/** Back from JSON to the tables the hot path reads. */
export function reviveTables(data: PhaseTablesData): Record<Phase, PhaseTable> {
  const tables = {} as Record<Phase, PhaseTable>;
  for (const [phase, table] of Object.entries(data) as [Phase, PhaseTableData][]) {
    const states: Record<string, PhaseTable['states'][string]> = {};
    for (const [name, s] of Object.entries(table.states)) states[name] = { ...s, next: new Map(s.next) };
    tables[phase] = { initial: table.initial, states };
  }
  return tables;
}
