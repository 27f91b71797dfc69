import type { Option, Scenario } from '../../core/schema/scenario';

export type ToolId = NonNullable<Option['tool']>;
export const TOOL_IDS: ToolId[] = ['directory', 'diary', 'rules', 'log', 'message', 'call'];

/** An act waiting to be done through a tool (e.g. "check the diary"): confirm() performs it. */
export interface PendingAct {
  option: Option;
  /** The people this contact may legitimately be put through to. */
  targets: string[];
  visitorName: string;
  company?: string;
  confirm(): void;
}

export interface ToolContext {
  scenario: Scenario;
  pending?: PendingAct;
  /** Shared desk records kept for the session (visitor log, message slips). */
  records: DeskRecords;
}

export interface DeskRecords {
  log: { time: string; name: string; company: string; badge: string; host: string }[];
  slips: { time: string; to: string; from: string; company: string; phone: string; message: string; urgent: boolean }[];
}
