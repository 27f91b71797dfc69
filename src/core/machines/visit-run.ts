import { afterPhase, NEXT_PHASE } from './phase-flow';
import { type PhaseTable, tablesOn } from './phase-table';
import type { Channel, Phase } from './procedure';
import { initialContext, reachesPhase, recorded, type VisitContext, type VisitEvent } from './visit-context';

/**
 * The visit machine (visit.ts) run without an XState actor: the same states, events and
 * context updates (`recorded`, `initialContext`), with the phase machines read from their
 * derived tables. Creating actors and spawning a phase machine per phase was half a shift's
 * time. visit.ts stays the definition: tests/unit/visit-run.test.ts sends the same random
 * event sequences to both and requires the same state and context after every event.
 */
export class VisitRun {
  value: Phase | 'done' | 'left' = 'greeting';
  /** The invoked phase machine's state, undefined once the visit is over. */
  phaseState: string | undefined;
  context: VisitContext;
  /** The channel's phase tables: the face-to-face machines or the call machines. */
  private readonly tables: Record<Phase, PhaseTable>;

  constructor(input: { visitor: VisitContext['visitor']; speaking: VisitContext['speaking'] }, channel: Channel = 'face') {
    this.context = initialContext(input);
    this.tables = tablesOn(channel);
    this.phaseState = this.tables.greeting.initial;
  }

  send(event: VisitEvent) {
    const phase = this.value === 'done' || this.value === 'left' ? undefined : this.value;
    switch (event.type) {
      case 'FEEL':
        return this.assign({ visitor: event.visitor });
      case 'DO':
        this.assign(recorded(this.context, event.details));
        if (phase && reachesPhase(event.details.act)) this.phaseEvent(phase, event.details.act);
        return;
      case 'COLLEAGUE_ARRIVED':
        if (!phase) return;
        this.assign({ colleagueHere: true });
        return this.phaseEvent(phase, 'COLLEAGUE_ARRIVED');
      case 'SKIP':
        if (!phase || phase === 'leave') return;
        this.finish(phase, 'skipped', NEXT_PHASE[phase]!);
        return;
      case 'ABANDON':
        if (phase) this.enter('left');
        return;
    }
  }

  /** A new context, as XState's assign makes: same keys in the same order (a literal copy, then the changes). */
  private assign(changes: Partial<VisitContext>) {
    const c = this.context;
    const next: VisitContext = {
      done: c.done,
      acts: c.acts,
      outcomes: c.outcomes,
      posture: c.posture,
      facing: c.facing,
      typing: c.typing,
      speaking: c.speaking,
      acknowledged: c.acknowledged,
      informed: c.informed,
      solved: c.solved,
      called: c.called,
      colleagueHere: c.colleagueHere,
      visitor: c.visitor,
    };
    Object.assign(next, changes);
    this.context = next;
  }

  /** The event forwarded to the phase machine; reaching a final state ends the phase with its outcome. */
  private phaseEvent(phase: Phase, type: string) {
    const table = this.tables[phase];
    const next = table.states[this.phaseState!].next.get(type);
    if (next === undefined) return;
    this.phaseState = next;
    const outcome = table.states[next].outcome;
    if (outcome !== undefined) this.finish(phase, outcome, afterPhase(phase, outcome));
  }

  private finish(phase: Phase, outcome: string, target: Phase | 'done') {
    // As { ...outcomes, [phase]: outcome }: the same keys in the same order, without a spread.
    const outcomes = Object.assign({}, this.context.outcomes);
    outcomes[phase] = outcome;
    this.assign({ outcomes });
    this.enter(target);
  }

  private enter(target: Phase | 'done' | 'left') {
    this.value = target;
    this.phaseState = target === 'done' || target === 'left' ? undefined : this.tables[target].initial;
  }
}
