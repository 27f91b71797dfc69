import type { Expression, HallState } from '../game/hall-state';
import type { Cue } from './sound';

const MOOD_ORDER: readonly Expression[] = ['furious', 'angry', 'annoyed', 'neutral', 'pleased', 'smiling'];

/**
 * What the hall should sound like after a change: pure, so it is tested without
 * audio. A visitor comes in (door chime + steps), walks somewhere else (steps),
 * the colleague comes down (lift ding), a visitor's mood turns (a cue up or down).
 */
export function hallCues(prev: HallState | undefined, next: HallState): Cue[] {
  if (!prev) return [];
  const cues = new Set<Cue>();
  const before = new Map(prev.visitors.map((v) => [v.id, v]));
  for (const v of next.visitors) {
    const was = before.get(v.id);
    if (!was) {
      cues.add('arrival').add('steps');
      continue;
    }
    if (was.spot !== v.spot) cues.add('steps');
    const turn = MOOD_ORDER.indexOf(v.expression) - MOOD_ORDER.indexOf(was.expression);
    if (turn > 0 && v.spot !== 'gone') cues.add('moodUp');
    if (turn < 0 && v.spot !== 'gone') cues.add('moodDown');
  }
  if (next.colleague.present && !prev.colleague.present) cues.add('colleague');
  return [...cues];
}

/** People in the hall, for the ambience: visitors present plus the colleague. */
export function crowdOf(state: HallState): number {
  return state.visitors.filter((v) => v.spot !== 'gone' && v.spot !== 'lift').length + (state.colleague.present ? 1 : 0);
}
