import type { VisitContext } from '../machines/visit-context';
import type { Condition, Line, Option } from '../schema/scenario';

const inRange = (n: number, r?: { min?: number; max?: number }) => !r || ((r.min ?? 0) <= n && n <= (r.max ?? 100));

/** Whether a scenario condition holds for this contact now. Names are option ids or acts. */
export function holds(cond: Condition | undefined, ctx: VisitContext): boolean {
  if (!cond) return true;
  const did = (n: string) => ctx.done.includes(n) || ctx.acts.includes(n);
  if (cond.done && !cond.done.every(did)) return false;
  if (cond.notDone?.some(did)) return false;
  if (cond.doneAny && !cond.doneAny.some(did)) return false;
  if (cond.outcome) {
    for (const [phase, outcome] of Object.entries(cond.outcome)) {
      if (ctx.outcomes[phase as keyof VisitContext['outcomes']] !== outcome) return false;
    }
  }
  if (!inRange(ctx.visitor.mood, cond.mood) || !inRange(ctx.visitor.trust, cond.trust)) return false;
  if (cond.facing !== undefined && ctx.facing !== cond.facing) return false;
  if (cond.standing !== undefined && (ctx.posture !== 'seated') !== cond.standing) return false;
  if (cond.speaking !== undefined && ctx.speaking !== cond.speaking) return false;
  return true;
}

/** The visitor's reply: a plain line; a variant drawn by the dice; or the first variant whose condition holds. */
export function replyFor(option: Option, ctx: VisitContext, pick: <T>(items: readonly T[]) => T): Line | undefined {
  const reply = option.reply;
  if (!reply) return undefined;
  if (!Array.isArray(reply)) return reply;
  const conditional = reply.filter((r): r is { if?: Condition; say: Line } => 'say' in r);
  if (conditional.length) return conditional.find((r) => holds(r.if, ctx))?.say;
  return pick(reply as Line[]);
}
