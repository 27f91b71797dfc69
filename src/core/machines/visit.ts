import { type AnyStateMachine, assign, sendTo, setup } from 'xstate';
import type { Lang } from '../schema/common';
import type { VisitorState } from '../visitor/model';
import { CALL_MACHINES, PHASE_MACHINES } from './index';
import type { Phase, PhaseEvent } from './procedure';
import { initialContext, reachesPhase, recorded, type VisitContext, type VisitEvent } from './visit-context';

const duringOf = (id: string) =>
  ({
    DO: [{ guard: 'phaseAct', actions: ['record', 'forward'] }, { actions: 'record' }],
    FEEL: { actions: 'feel' },
    COLLEAGUE_ARRIVED: { actions: ['colleague', 'forward'] },
    ABANDON: `#${id}.left`,
  }) as const;

/**
 * One contact from arrival to departure. Each phase is its own machine, invoked
 * under the id `phase`; the contact run asks it what it accepts (`can`) and its
 * `canLeave` tag says whether the student may move on without finishing it (SKIP).
 * A refused visitor still gets an answer; the waiting phase only follows a deferral.
 * After the visitor has gone, follow-up acts are still recorded.
 */
const visitOf = (actors: Record<Phase, AnyStateMachine>, id: string) => {
  const during = duringOf(id);
  return setup({
    types: { events: {} as VisitEvent, context: {} as VisitContext, input: {} as { visitor: VisitorState; speaking: Lang } },
    actors,
    guards: {
      /** Phase acts reach the phase machine; anytime and follow-up acts only change the context. */
      phaseAct: ({ event }) => event.type === 'DO' && reachesPhase(event.details.act),
      deferred: ({ event }) => (event as unknown as { output: { outcome: string } }).output.outcome === 'wait',
      /** A call put through to a colleague: the receptionist's part is over, no leave-taking. */
      transferred: ({ event }) => (event as unknown as { output: { outcome: string } }).output.outcome === 'transferred',
    },
    actions: {
      record: assign(({ context, event }) => (event.type === 'DO' ? recorded(context, event.details) : {})),
      feel: assign(({ event }) => (event.type === 'FEEL' ? { visitor: event.visitor } : {})),
      colleague: assign({ colleagueHere: true }),
      forward: sendTo('phase', ({ event }) => (event.type === 'DO' ? { type: event.details.act } : event) as PhaseEvent),
      outcome: assign(({ context, event }, params: { phase: Phase }) => ({
        outcomes: { ...context.outcomes, [params.phase]: (event as unknown as { output?: { outcome?: string } }).output?.outcome ?? 'skipped' },
      })),
    },
  }).createMachine({
    id,
    initial: 'greeting',
    context: ({ input }) => initialContext(input),
    states: {
      greeting: {
        invoke: { id: 'phase', src: 'greeting', onDone: { target: 'screening', actions: { type: 'outcome', params: { phase: 'greeting' } } } },
        on: { ...during, SKIP: { target: 'screening', actions: { type: 'outcome', params: { phase: 'greeting' } } } },
      },
      screening: {
        invoke: { id: 'phase', src: 'screening', onDone: { target: 'handling', actions: { type: 'outcome', params: { phase: 'screening' } } } },
        on: { ...during, SKIP: { target: 'handling', actions: { type: 'outcome', params: { phase: 'screening' } } } },
      },
      handling: {
        invoke: {
          id: 'phase',
          src: 'handling',
          onDone: [
            { guard: 'deferred', target: 'waiting', actions: { type: 'outcome', params: { phase: 'handling' } } },
            { guard: 'transferred', target: 'done', actions: { type: 'outcome', params: { phase: 'handling' } } },
            { target: 'leave', actions: { type: 'outcome', params: { phase: 'handling' } } },
          ],
        },
        on: { ...during, SKIP: { target: 'leave', actions: { type: 'outcome', params: { phase: 'handling' } } } },
      },
      waiting: {
        invoke: {
          id: 'phase',
          src: 'waiting',
          onDone: [
            { guard: 'transferred', target: 'done', actions: { type: 'outcome', params: { phase: 'waiting' } } },
            { target: 'leave', actions: { type: 'outcome', params: { phase: 'waiting' } } },
          ],
        },
        on: { ...during, SKIP: { target: 'leave', actions: { type: 'outcome', params: { phase: 'waiting' } } } },
      },
      leave: {
        invoke: { id: 'phase', src: 'leave', onDone: { target: 'done', actions: { type: 'outcome', params: { phase: 'leave' } } } },
        on: during,
      },
      // Not final: follow-up acts (a note, telling the colleague) still happen after the visitor has gone.
      done: { tags: ['over'], on: { DO: { actions: 'record' }, FEEL: { actions: 'feel' } } },
      left: { tags: ['over'], on: { DO: { actions: 'record' }, FEEL: { actions: 'feel' } } },
    },
  });
};

export const visitMachine = visitOf(PHASE_MACHINES, 'visit');
/** The same contact on the phone: the call machines in the same phases (`#call.left` when the caller hangs up). */
export const callMachine = visitOf(CALL_MACHINES, 'call');
