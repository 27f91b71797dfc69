// Built only by npm run bench: the real hall (launch.ts) fed a synthetic state with N
// moving, impatient visitors, or an empty Phaser scene of the same renderer, and frames counted.
import * as Phaser from 'phaser';
import type { HallSource, HallState, HallVisitor, Spot } from '../../src/game/hall-state';
import { launchGame, sharedGame } from '../../src/game/launch';

declare global {
  interface Window {
    benchResult?: { fps: number; renderer: string; frames: number; seconds: number };
  }
}

const q = new URLSearchParams(location.search);
const visitors = Number(q.get('visitors') ?? 1);
const seconds = Number(q.get('seconds') ?? 4);
const stage = document.getElementById('stage')!;
const spots: Spot[] = ['counter', 'waiting', 'waiting', 'waiting', 'door'];

function state(tick: number): HallState {
  const list: HallVisitor[] = Array.from({ length: visitors }, (_, i) => ({
    id: `v${i}`,
    label: `M. Test ${i}`,
    // Every other visitor changes place each tick: walks, and the rest fidget (low patience).
    spot: spots[(i + (i % 2 ? tick : 0)) % spots.length],
    expression: i % 2 ? 'annoyed' : 'angry',
    pose: 'counter',
    stance: 'closed',
    checksWatch: true,
    speaking: tick % 2 === 1,
    patience: 10,
    traits: ['impatient'],
    speech: tick % 2 ? `Line ${tick} from visitor ${i}` : '',
    look: i,
    gender: i % 2 ? 'f' : 'm',
  }));
  return {
    clock: `09:${String(tick % 60).padStart(2, '0')}`,
    venue: 'company-hall',
    receptionist: { posture: 'standing', looking: 'visitor' },
    visitors: list,
    colleague: { present: false, label: '' },
    phone: { ringing: false, onCall: false, label: '' },
    paused: false,
  };
}

/** Counts frames the game actually renders during `seconds`, after one second of warm-up. */
function countFrames(game: Phaser.Game): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    const count = () => frames++;
    setTimeout(() => {
      game.events.on(Phaser.Core.Events.POST_RENDER, count);
      setTimeout(() => {
        game.events.off(Phaser.Core.Events.POST_RENDER, count);
        resolve(frames);
      }, seconds * 1000);
    }, 1000);
  });
}

async function hall() {
  let tick = 0;
  const listeners = new Set<(s: HallState) => void>();
  const source: HallSource = { get: () => state(tick), subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  await launchGame(stage, source);
  setInterval(() => {
    tick++;
    for (const l of listeners) l(state(tick));
  }, 1500);
  return sharedGame()!;
}

function empty(): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.CANVAS, // as the game (src/game/launch.ts)
    parent: stage,
    width: 1280,
    height: 720,
    banner: false,
    audio: { noAudio: true },
    scene: class extends Phaser.Scene {},
  });
}

async function main() {
  const game = visitors === 0 ? empty() : await hall();
  const frames = await countFrames(game);
  window.benchResult = { fps: frames / seconds, renderer: game.renderer.type === Phaser.CANVAS ? 'canvas' : 'webgl', frames, seconds };
}

main();
