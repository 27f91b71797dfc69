import { describe, expect, it } from 'vitest';
import { crowdOf, hallCues } from '../../src/audio/hall-sounds';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { DESK, Shift } from '../../src/core/shift/shift';
import type { HallState } from '../../src/game/hall-state';
import { DEFAULTS, sanitize } from '../../src/settings/prefs';
import { hallState, moodStep, speechOf, stanceOf } from '../../src/ui/hall-view';

const catalog = loadFromDisk();

/** Replays an ideal run second by second, as the replay screen does, and keeps every hall state. */
function replayedStates(id: string): HallState[] {
  const scenario = catalog.scenarios.find((s) => s.id === id)!;
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  const run = play(scenario, rubric, 'ideal', 1);
  const shift = new Shift(scenario, rubric, run.seed);
  for (const a of run.actions.filter((x) => x.contact === DESK)) shift.prepare(a.option);
  shift.openDesk();
  const states: HallState[] = [];
  const acts = run.actions.filter((x) => x.contact !== DESK);
  let next = 0;
  while (shift.now <= run.end && !shift.finished) {
    while (next < acts.length && acts[next].t <= shift.now) {
      shift.act(acts[next].contact, acts[next].option);
      next++;
      states.push(hallState(shift, false));
    }
    shift.advance(1);
    states.push(hallState(shift, false));
  }
  return states;
}

describe('the visitor on screen follows the engine', () => {
  it('shows the seated pose once a replayed visitor is seated in the waiting area', () => {
    const poses = replayedStates('impatient-late-contact').flatMap((s) => s.visitors.map((v) => v.pose));
    expect(poses).toContain('seated');
    expect(poses.indexOf('approach')).toBeLessThan(poses.indexOf('seated'));
    const seated = replayedStates('impatient-late-contact')
      .flatMap((s) => s.visitors)
      .find((v) => v.pose === 'seated')!;
    expect(seated.spot).toBe('waiting');
  });

  it('seats the angry visitor when the story says he sits down, and his face softens step by step', () => {
    const states = replayedStates('aggressive-refused');
    const girard = states.flatMap((s) => s.visitors);
    expect(girard.map((v) => v.pose)).toContain('seated');
    const faces = [...new Set(girard.map((v) => v.expression))];
    // From furious (or angry) at the start to a calmer face by the end of good practice.
    expect(faces.length).toBeGreaterThanOrEqual(3);
    expect(['neutral', 'pleased', 'smiling']).toContain(girard.at(-1)!.expression);
  });

  it('sends a visitor who was oriented to the lift, not the door', () => {
    const last = replayedStates('supplier-appointment').at(-1)!;
    expect(last.visitors[0].pose).toBe('lift');
  });

  it('maps mood and trust to readable steps', () => {
    expect([5, 20, 40, 50, 70, 90].map((m) => moodStep(m, 80))).toEqual(['furious', 'angry', 'annoyed', 'neutral', 'pleased', 'smiling']);
    expect(moodStep(70, 10)).toBe('annoyed');
    expect([10, 50, 90].map(stanceOf)).toEqual(['closed', 'neutral', 'open']);
  });

  it('keeps speech and drops stage directions', () => {
    expect(speechOf('(Il hésite, puis s’assoit.) … Un verre d’eau, oui.')).toBe('… Un verre d’eau, oui.');
    expect(speechOf("(L'agenda indique : 10 h.)")).toBe('');
  });
});

describe('hall sounds', () => {
  const base: HallState = {
    clock: '10:00',
    venue: 'x',
    receptionist: { posture: 'seated', looking: 'screen' },
    visitors: [],
    colleague: { present: false, label: '' },
    phone: { ringing: false, onCall: false, label: '' },
    paused: false,
  };
  const visitor = (over: Partial<HallState['visitors'][number]> = {}) => ({
    id: 'a',
    label: 'M. A',
    spot: 'counter' as const,
    pose: 'counter' as const,
    stance: 'neutral' as const,
    checksWatch: false,
    speaking: false,
    expression: 'neutral' as const,
    patience: 80,
    traits: [],
    speech: '',
    look: 1,
    ...over,
  });

  it('chimes and steps on an arrival, cues a mood turn, dings for the colleague', () => {
    expect(hallCues(base, { ...base, visitors: [visitor()] })).toEqual(['arrival', 'steps']);
    expect(hallCues({ ...base, visitors: [visitor()] }, { ...base, visitors: [visitor({ expression: 'annoyed' })] })).toEqual(['moodDown']);
    expect(hallCues({ ...base, visitors: [visitor()] }, { ...base, visitors: [visitor({ expression: 'pleased' })] })).toEqual(['moodUp']);
    expect(hallCues(base, { ...base, colleague: { present: true, label: '' } })).toEqual(['colleague']);
    expect(hallCues(undefined, base)).toEqual([]);
  });

  it('counts the crowd for the ambience', () => {
    expect(crowdOf({ ...base, visitors: [visitor(), visitor({ id: 'b', spot: 'gone' })], colleague: { present: true, label: '' } })).toBe(2);
  });
});

describe('settings', () => {
  it('falls back value by value on anything unreadable', () => {
    expect(sanitize(null)).toEqual(DEFAULTS);
    expect(sanitize({ textScale: 300, master: 150, effects: -3, muted: 'yes', voices: true })).toEqual({ ...DEFAULTS, master: 100, effects: 0, voices: true });
  });
});
