import type { Shift } from '../core/shift/shift';
import { expression } from '../core/visitor/model';
import type { HallState, HallVisitor } from '../game/hall-state';
import { t } from '../i18n';
import { deskClock } from './dom';
import { spoken } from './words';

/** Derives what the hall scene draws from the engine's state. */
export function hallState(shift: Shift, paused: boolean): HallState {
  const visitors: HallVisitor[] = shift.contacts
    .filter((c) => c.status !== 'expected')
    .map((c, i) => {
      const seated = c.activePhase() === 'waiting' && c.phaseState() !== 'colleagueHere' && c.ctx.acts.includes('SEAT');
      const said = [...shift.log].reverse().find((l) => l.contact === c.id && l.speaker === 'visitor' && l.text && !l.text.fr.startsWith('('));
      const v = c.def.visitor;
      return {
        id: c.id,
        label: `${v.civility === 'Madame' ? t('play.ms') : t('play.mr')} ${v.name.split(' ').slice(-1)[0]}`,
        spot: c.status === 'gone' ? 'gone' : seated ? 'waiting' : 'counter',
        expression: expression(c.visitor),
        patience: Math.round(c.visitor.patience),
        traits: v.traits,
        speech: said?.text && shift.now - said.t < 8 ? spoken(said.text, said.lang).text : '',
        look: i + v.name.length,
        gender: v.civility === 'Madame' ? 'f' : 'm',
      };
    });
  const focus = shift.attended();
  const lastAct = [...shift.actions].reverse().find((a) => a.contact === focus?.id);
  // Going to meet a visitor is a short walk: back at the desk, standing, a few seconds later.
  const posture = focus?.ctx.posture === 'walking' && lastAct && shift.now - lastAct.t > 3 ? 'standing' : (focus?.ctx.posture ?? 'seated');
  const colleagueHere = shift.contacts.some((c) => c.phaseState() === 'colleagueHere');
  const colleague = shift.scenario.desk.directory.find((p) => p.id === focus?.def.waiting?.colleague);
  return {
    clock: deskClock(shift.scenario.desk.startTime, shift.now),
    venue: shift.scenario.desk.company,
    receptionist: { posture, looking: focus?.acknowledgedAt !== undefined ? 'visitor' : 'screen' },
    visitors,
    colleague: { present: colleagueHere, label: colleague?.name ?? '' },
    paused,
  };
}
