import type { ContactRun } from '../core/shift/contact-run';
import type { LogEntry, Shift } from '../core/shift/shift';
import type { Expression, HallState, HallVisitor, Stance, VisitorPose } from '../game/hall-state';
import { t, tx } from '../i18n';
import { deskClock } from './dom';
import { spoken } from './words';

/** A line stays "being said" this long (shift seconds): the speech bubble and the bigger figure. */
const SPEAKING_FOR = 6;

/** Text in brackets is a stage direction; what is left is speech. */
export const speechOf = (text: string) =>
  text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Face from mood, in six steps a student can tell apart; an exhausted patience
 * pulls a calm face down to annoyed.
 */
export function moodStep(mood: number, patience: number): Expression {
  const step: Expression = mood < 15 ? 'furious' : mood < 30 ? 'angry' : mood < 45 ? 'annoyed' : mood < 60 ? 'neutral' : mood < 75 ? 'pleased' : 'smiling';
  return patience < 25 && (step === 'neutral' || step === 'pleased') ? 'annoyed' : step;
}

export const stanceOf = (trust: number): Stance => (trust < 35 ? 'closed' : trust >= 70 ? 'open' : 'neutral');

export interface VisitorLook {
  pose: VisitorPose;
  stance: Stance;
  expression: Expression;
  checksWatch: boolean;
  /** Latest speech (translated, without stage directions) while it is being said; '' otherwise. */
  speech: string;
}

/**
 * The one place that turns engine state into how a visitor looks. Pure: the
 * contact, the dialogue log and the clock in; pose, face and gestures out.
 *
 * Stop-gap until scenarios say it (e.g. a `stage: seated` field on options): a
 * reply whose stage direction says the visitor sits down ("sits down", "settles
 * in", "perches") or gets up is also read here, from the English text.
 */
export function visitorLook(c: ContactRun, log: readonly LogEntry[], now: number): VisitorLook {
  const v = c.visitor;
  const mine = log.filter((l) => l.contact === c.id && (l.speaker === 'visitor' || l.speaker === 'narrator'));
  // The engine already splits "(He sighs.) Fine." into narration and speech; a bracketed narrator line that could
  // not be split the same way in every language may still hold words. Plain narration is never put in the visitor's mouth.
  const lastSaid = [...mine].reverse().find((l) => l.text && (l.speaker === 'visitor' || l.text.fr.startsWith('(')) && speechOf(tx(l.text)));
  const speaking = c.status === 'present' && lastSaid !== undefined && now - lastSaid.t < SPEAKING_FOR;
  const expression = moodStep(v.mood, v.patience);

  let pose: VisitorPose;
  if (c.status === 'gone') {
    const handedOn = !c.walkedOut && c.ctx.solved && c.def.request.outcome.kind === 'orientation';
    pose = c.walkedOut || expression === 'furious' || expression === 'angry' ? 'leaveAngry' : handedOn ? 'lift' : 'leave';
  } else if (c.acknowledgedAt === undefined) {
    pose = 'approach';
  } else {
    const waiting = c.activePhase() === 'waiting';
    const seatAct = waiting && c.phaseState() !== 'colleagueHere' && c.ctx.acts.includes('SEAT');
    const story = [...mine].reverse().find((l) => /\b(sits down|settles in|perches|stands up|gets up)\b/i.test(l.text?.en ?? ''));
    const storySeated = story !== undefined && /\b(sits down|settles in|perches)\b/i.test(story.text?.en ?? '') && c.activePhase() !== 'leave';
    pose = seatAct || (storySeated && c.phaseState() !== 'colleagueHere') ? 'seated' : waiting ? 'waiting' : 'counter';
  }
  const present = c.status === 'present';
  return {
    pose,
    stance: stanceOf(v.trust),
    expression,
    checksWatch: present && !speaking && v.patience < 50,
    // A visitor speaks their own language (an English visitor speaks English whatever the interface).
    speech: speaking && lastSaid?.text ? speechOf(lastSaid.speaker === 'visitor' ? spoken(lastSaid.text, lastSaid.lang).text : tx(lastSaid.text)) : '',
  };
}

const spotOf = (pose: VisitorPose): HallVisitor['spot'] =>
  pose === 'seated' ? 'waiting' : pose === 'lift' ? 'lift' : pose === 'leave' || pose === 'leaveAngry' ? 'gone' : 'counter';

export function shortName(c: ContactRun): string {
  const v = c.def.visitor;
  return `${v.civility === 'Madame' ? t('play.ms') : t('play.mr')} ${v.name.split(' ').slice(-1)[0]}`;
}

/** One sentence per visitor for screen readers: who, what they are doing, how they feel. */
export function describeVisitor(v: HallVisitor): string {
  // Adjectives and participles agree with the visitor: « Mme Lenoir s'en va, détendue. »
  const context = v.gender === 'f' ? 'female' : 'male';
  const trust = v.stance === 'closed' ? `, ${t('visitor.trustLow', { context })}` : v.stance === 'open' ? `, ${t('visitor.trustHigh', { context })}` : '';
  const watch = v.checksWatch ? ` ${t('visitor.watch')}` : '';
  // "Storms out" already says the mood.
  if (v.pose === 'leaveAngry') return `${v.label} ${t('pose.leaveAngry', { context })}.`;
  return `${t('visitor.status', { name: v.label, pose: t(`pose.${v.pose}`, { context }), mood: `${t(`mood.${v.expression}`, { context })}${trust}` })}${watch}`;
}

/** Derives what the hall scene draws from the engine's state. */
export function hallState(shift: Shift, paused: boolean): HallState {
  const visitors: HallVisitor[] = shift.contacts
    .filter((c) => c.status !== 'expected' && c.channel !== 'phone')
    .map((c, i) => {
      const look = visitorLook(c, shift.log, shift.now);
      const v = c.def.visitor;
      return {
        id: c.id,
        label: shortName(c),
        spot: spotOf(look.pose),
        pose: look.pose,
        stance: look.stance,
        checksWatch: look.checksWatch,
        speaking: look.speech !== '',
        expression: look.expression,
        patience: Math.round(c.visitor.patience),
        traits: v.traits,
        speech: look.speech,
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
    phone: phoneOf(shift),
    paused,
  };
}

/** The desk phone as the hall shows it: a ringing set, or a line in use and whose it is. */
function phoneOf(shift: Shift): HallState['phone'] {
  const calls = shift.contacts.filter((c) => c.channel === 'phone' && c.status === 'present');
  const live = calls.find((c) => shift.phone.live(c));
  return { ringing: calls.some((c) => c.ringing), onCall: live !== undefined, label: live ? shortName(live) : '' };
}
