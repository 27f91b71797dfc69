import type { Lang } from '../schema/common';
import type { VisitorState } from '../visitor/model';
import { type Phase, phaseOfAct } from './procedure';

// The visit's context and its updates, apart from the machine (visit.ts) so the fast
// visit run (visit-run.ts) and the built game use them without loading XState.

/** What a student's act changes besides the procedure: the receptionist's body and words, who was called. */
export interface ActDetails {
  option: string;
  act: string;
  posture?: 'seated' | 'standing' | 'walking';
  facing?: boolean;
  typing?: boolean;
  lang?: Lang;
  addresses: boolean;
  calls?: string;
  solves?: boolean;
}

/**
 * Everything that is true of one contact, in one place: the machine is the single
 * source of what happened and what is possible. The visitor's feelings are
 * computed by the visitor model and stored here as they change.
 */
export interface VisitContext {
  done: string[];
  acts: string[];
  outcomes: Partial<Record<Phase, string>>;
  posture: 'seated' | 'standing' | 'walking';
  facing: boolean;
  typing: boolean;
  /** The language the receptionist is speaking to this visitor. */
  speaking: Lang;
  acknowledged: boolean;
  informed: boolean;
  solved: boolean;
  called: string[];
  colleagueHere: boolean;
  visitor: VisitorState;
}

export type VisitEvent =
  | { type: 'DO'; details: ActDetails }
  | { type: 'SKIP' }
  | { type: 'FEEL'; visitor: VisitorState }
  | { type: 'COLLEAGUE_ARRIVED' }
  | { type: 'ABANDON' };

const phaseOrNot = (act: string) => phaseOfAct(act) ?? '';

/** Phase acts reach the phase machine; anytime and follow-up acts (and nothing else) only change the context. */
export const reachesPhase = (act: string) => !['anytime', 'after'].includes(phaseOrNot(act));

/** What an act changes in the context (shared by the machine and the fast visit run, src/core/machines/visit-run.ts). */
export function recorded(context: VisitContext, d: ActDetails): Partial<VisitContext> {
  return {
    done: [...context.done, d.option],
    acts: [...context.acts, d.act],
    posture: d.posture ?? context.posture,
    facing: d.facing ?? (d.posture === 'walking' ? true : context.facing),
    typing: d.typing ?? (d.addresses ? false : context.typing),
    speaking: d.lang ?? context.speaking,
    acknowledged: context.acknowledged || d.addresses,
    informed: context.informed || d.act === 'ANNOUNCE_WAIT',
    solved: context.solved || Boolean(d.solves),
    called: d.calls && !context.called.includes(d.calls) ? [...context.called, d.calls] : context.called,
  };
}

export function initialContext(input: { visitor: VisitorState; speaking: Lang }): VisitContext {
  return {
    done: [],
    acts: [],
    outcomes: {},
    posture: 'seated',
    facing: false,
    typing: true,
    speaking: input.speaking,
    acknowledged: false,
    informed: false,
    solved: false,
    called: [],
    colleagueHere: false,
    visitor: input.visitor,
  };
}
