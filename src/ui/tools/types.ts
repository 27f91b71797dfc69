import type { Option, Scenario } from '../../core/schema/scenario';
import type { ToolInput } from '../../core/shift/tool-check';

export type ToolId = NonNullable<Option['tool']>;
export const TOOL_IDS: ToolId[] = ['directory', 'diary', 'rules', 'records', 'log', 'message', 'call'];

/**
 * An act waiting to be done through a tool (e.g. "check the diary"): confirm() performs
 * it, with what the student typed. Nothing is pre-filled: finding the right person and
 * writing down what the visitor said is part of the work, and it is checked.
 */
export interface PendingAct {
  option: Option;
  confirm(input?: ToolInput): void;
  /** The panel was closed without doing the act (Escape, ×): where the keyboard goes back to. */
  cancel?(): void;
}

export interface ToolContext {
  scenario: Scenario;
  pending?: PendingAct;
  /** Shared desk records kept for the session (visitor log, message slips). */
  records: DeskRecords;
}

export interface DeskRecords {
  log: { time: string; name: string; company: string; badge: string; host: string }[];
  slips: { time: string; to: string; from: string; company: string; phone: string; message: string; urgent: boolean; callback: string }[];
}
