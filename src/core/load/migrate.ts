import { phaseOfAct } from '../machines/procedure';
import type { ScenarioV1 } from '../schema/v1';

type V1Option = ScenarioV1['contacts'][number]['phases']['greeting']['options'][number];
type V1Evidence = NonNullable<V1Option['evidence']>[number];

/**
 * Which indicator of the A1 rubric a format-1 evidence line was about. Format 1
 * only named the criterion; the act, tags and tool say which indicator it meant.
 */
function indicatorFor(e: V1Evidence, o: V1Option): string {
  const tags = o.tags ?? [];
  switch (e.criterion) {
    case 'CP1':
      return 'CP1.posture';
    case 'CP2':
      return o.act === 'ACKNOWLEDGE' && !tags.includes('initiative') ? 'CP2.ack' : o.act === 'ASK' ? 'CP2.needs' : 'CP2.initiative';
    case 'CP3':
      if (o.act === 'GREET') return 'CP3.welcome';
      if (o.act === 'GOODBYE') return 'CP3.leave';
      return tags.includes('empathy') || tags.includes('apology') ? 'CP3.empathy' : 'CP3.register';
    case 'CP4':
      return o.act === 'REFUSE' ? 'CP4.firm' : 'CP4.calm';
    case 'CP5': {
      const byAct: Record<string, string> = {
        REFORMULATE: 'CP5.rephrase',
        CHECK_UNDERSTANDING: 'CP5.check',
        ANNOUNCE_WAIT: 'CP5.wait',
        CHECK_SATISFACTION: 'CP5.satisfaction',
      };
      return byAct[o.act] ?? (tags.includes('alternative') ? 'CP5.alternative' : 'CP5.need');
    }
    default: {
      const byAct: Record<string, string> = {
        CONSULT: 'CP6.consult',
        REGISTER: 'CP6.log',
        IDENTIFY: 'CP6.identify',
        CHASE: 'CP6.follow-up',
        ASK_PURPOSE: 'CP6.filtering',
        ADMIT: 'CP6.filtering',
        REFUSE: 'CP6.filtering',
      };
      return byAct[o.act] ?? 'CP6.orient';
    }
  }
}

/** Points become a status: a gain is met, −1 a minor gap, −2/−3 a serious fault, less a grave one. */
const statusFor = (points: number) => (points > 0 ? 'met' : points === -1 ? 'partly' : points >= -3 ? 'breach' : 'grave');

function option(o: V1Option, colleague: string | undefined) {
  const { evidence, ...rest } = o;
  const observe = (evidence ?? []).filter((e) => e.points !== 0).map((e) => ({ indicator: indicatorFor(e, o), as: statusFor(e.points), why: e.why }));
  // Format 1's colleague came on any deferral; in format 2 they come because they were called.
  const calls = colleague && (o.act === 'DEFER' || o.act === 'CHASE') ? { calls: colleague } : {};
  return { ...rest, ...(observe.length ? { observe } : {}), ...calls };
}

/** Prints a format-1 scenario in format 2, keeping every option id (old run files still replay). */
export function migrateV1(s: ScenarioV1): Record<string, unknown> {
  const { screeningRules, ...desk } = s.desk;
  return {
    format: 2,
    ...s,
    desk: { ...desk, rules: screeningRules.map((text, i) => ({ id: `rule-${i + 1}`, text })) },
    contacts: s.contacts.map((c) => {
      const colleague = c.waiting?.colleague;
      const anytime: ReturnType<typeof option>[] = [];
      const phases = Object.fromEntries(
        Object.entries(c.phases).map(([phase, script]) => {
          const options = script!.options.map((o) => option(o, colleague));
          // Posture was a greeting act in format 1; in format 2 it is available through the whole contact.
          anytime.push(...options.filter((o) => phaseOfAct(o.act) === 'anytime'));
          return [phase, { ...script, options: options.filter((o) => phaseOfAct(o.act) !== 'anytime') }];
        }),
      );
      return { ...c, phases, ...(anytime.length ? { anytime } : {}) };
    }),
  };
}
