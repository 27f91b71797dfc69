import { Howl, Howler } from 'howler';
import { ambience, chime, click, ding } from './synth';

export type Cue = 'arrival' | 'choice' | 'colleague';

const KEY = 'comptoir.muted';
let sounds: Record<Cue, Howl> | undefined;
let room: Howl | undefined;

/** Built lazily on first use, after a user gesture, as browsers require for audio. */
function ensure() {
  if (sounds) return;
  const make = (src: string, volume = 1, loop = false) => new Howl({ src: [src], format: ['wav'], volume, loop });
  sounds = { arrival: make(chime()), choice: make(click(), 0.6), colleague: make(ding()) };
  room = make(ambience(), 0.5, true);
  Howler.mute(isMuted());
}

export function isMuted(): boolean {
  return localStorage.getItem(KEY) === '1';
}

export function setMuted(muted: boolean) {
  localStorage.setItem(KEY, muted ? '1' : '0');
  Howler.mute(muted);
}

export function play(cue: Cue) {
  ensure();
  sounds![cue].play();
}

export function startAmbience() {
  ensure();
  if (!room!.playing()) room!.play();
}

export function stopAmbience() {
  room?.stop();
}
