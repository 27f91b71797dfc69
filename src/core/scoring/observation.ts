import type { Phase } from '../machines/procedure';
import type { Text } from '../schema/common';
import type { Status } from '../schema/rubric';

/**
 * One observed moment on one indicator: the unit of every grade Comptoir shows.
 * Structured, never worded here: `src/ui` makes the sentence from the kind and
 * fields (the scenario's own `why` when it wrote one).
 */
export interface ObservationRecord {
  /** Seconds since the start of the shift. */
  t: number;
  contact: string;
  /** 'preparation': the start-of-shift checks, before any contact; 'after': follow-up once the visitor left. */
  phase: Phase | 'preparation' | 'after';
  /** "CP3.welcome". */
  indicator: string;
  criterion: string;
  status: Status;
  /**
   * option: the student's own act; omission: an indicator an offered option would have
   * met, never met (`better` is that option); timing: how fast the arrival was
   * acknowledged (`seconds`); patience, walkout: what time did to the visitor; hold: a caller
   * left on hold without news (`seconds`);
   * preparation: the start-of-shift checklist; tool: what was typed (`wrong` fields);
   * composure: calm kept through a tense moment; cut-short: leave taken before the request was handled;
   * simultaneous: a visitor and a call at the same time (C321.1).
   */
  kind: 'option' | 'omission' | 'timing' | 'patience' | 'hold' | 'walkout' | 'cut-short' | 'preparation' | 'tool' | 'composure' | 'simultaneous';
  why?: Text;
  option?: string;
  better?: string;
  seconds?: number;
  /** Rings before a call was picked up (timing of a phone contact). */
  rings?: number;
  wrong?: string[];
  /** Why each wrong field is wrong: missing, different, misheard (a bad line, never read back), diary, constraint. */
  problems?: Partial<Record<string, 'missing' | 'different' | 'misheard' | 'diary' | 'constraint'>>;
  rule?: string;
  /** The need left unmet at the end of the contact: the consequence of what was missed, counted once (scoring/score.ts). */
  consequence?: true;
  /** A timing record for a contact never acknowledged at all (not merely late). */
  never?: true;
}

const ORDER: Record<Status, number> = { met: 0, partly: 1, missed: 2, breach: 3, grave: 4 };

/** The worse of two statuses. */
export const worst = (a: Status, b: Status): Status => (ORDER[b] > ORDER[a] ? b : a);

/** How much a status is worth to a scripted player choosing between options. */
export const VALUE: Record<Status, number> = { met: 2, partly: -1, missed: -2, breach: -4, grave: -8 };
