import type { Howl as HowlType } from 'howler';
import { onPrefs, prefs } from '../settings/prefs';

/** Every sound the game makes. Effects are one-shots; the ambience is a loop. */
export type Cue = 'arrival' | 'steps' | 'phone' | 'crackle' | 'click' | 'colleague' | 'moodUp' | 'moodDown';

interface Bank {
  howler: typeof import('howler').Howler;
  cues: Record<Cue, HowlType>;
  room: HowlType;
}

const BASE: Record<Cue, number> = { arrival: 1, steps: 0.7, phone: 0.8, crackle: 0.6, click: 0.5, colleague: 1, moodUp: 0.8, moodDown: 0.8 };
let gestured = false;
let bank: Bank | undefined;
let loading: Promise<Bank | undefined> | undefined;
let crowd = 0;
let ambienceOn = false;

/** Audio needs a Web Audio context: without one (old browser, locked-down PC) the game is simply silent. */
export function audioAvailable(): boolean {
  return typeof window !== 'undefined' && ('AudioContext' in window || 'webkitAudioContext' in window);
}

/**
 * Browsers forbid sound before the player touches the page, and the game plays
 * none: the first click or key arms the audio; nothing is built before that.
 */
export function armAudio() {
  const arm = () => {
    gestured = true;
    window.removeEventListener('pointerdown', arm, true);
    window.removeEventListener('keydown', arm, true);
  };
  window.addEventListener('pointerdown', arm, true);
  window.addEventListener('keydown', arm, true);
}

/** Howler and the synthesised sounds are loaded on first use only (they are not needed for the menu). */
function load(): Promise<Bank | undefined> {
  loading ??= Promise.all([import('howler'), import('./synth')])
    .then(([{ Howl, Howler }, synth]) => {
      const make = (src: string, loop = false) => new Howl({ src: [src], format: ['wav'], loop, volume: 0 });
      bank = {
        howler: Howler,
        cues: {
          arrival: make(synth.chime()),
          steps: make(synth.steps()),
          phone: make(synth.ring()),
          crackle: make(synth.crackle()),
          click: make(synth.click()),
          colleague: make(synth.ding()),
          moodUp: make(synth.moodUp()),
          moodDown: make(synth.moodDown()),
        },
        room: make(synth.ambience(), true),
      };
      applyVolumes();
      return bank;
    })
    .catch(() => undefined); // no sound is better than an error
  return loading;
}

/** Ambience: quiet in an empty hall, louder with each person present (up to about five). */
export function ambienceLevel(people: number): number {
  return Math.min(1, 0.25 + 0.15 * Math.max(0, people));
}

function applyVolumes() {
  if (!bank) return;
  const p = prefs();
  bank.howler.mute(p.muted);
  bank.howler.volume(p.master / 100);
  for (const [cue, howl] of Object.entries(bank.cues)) howl.volume((BASE[cue as Cue] * p.effects) / 100);
  bank.room.volume((ambienceLevel(crowd) * p.ambience) / 100);
}

function ready(): boolean {
  return gestured && !prefs().muted && audioAvailable();
}

export function play(cue: Cue) {
  if (!ready()) return;
  if (bank) bank.cues[cue].play();
  else void load().then((b) => b?.cues[cue].play());
}

export function startAmbience() {
  ambienceOn = true;
  if (!ready()) return;
  void load().then((b) => {
    if (b && ambienceOn && !b.room.playing()) b.room.play();
  });
}

/** How many people are in the hall; the murmur follows, with a short fade. */
export function setCrowd(people: number) {
  if (people === crowd) return;
  crowd = people;
  if (!bank) return;
  const to = (ambienceLevel(crowd) * prefs().ambience) / 100;
  bank.room.fade(bank.room.volume(), to, 1500);
}

export function stopAmbience() {
  ambienceOn = false;
  bank?.room.stop();
}

/** Muting from a settings screen or the status bar also starts the ambience again when unmuted. */
onPrefs((p) => {
  applyVolumes();
  if (!p.muted && ambienceOn) startAmbience();
});
