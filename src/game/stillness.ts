import * as Phaser from 'phaser';

/** Frames with nothing moving before the loop sleeps (a couple, so the last change is drawn). */
const STILL_FRAMES = 3;

/** Something in this scene may still change on its own: starting up, a running tween or a timer. */
function moving(scene: Phaser.Scene): boolean {
  const status = scene.sys.settings.status;
  if (status === Phaser.Scenes.PENDING || status > Phaser.Scenes.RUNNING) return false; // never started, paused, asleep or stopped
  if (status < Phaser.Scenes.RUNNING) return true;
  if (scene.tweens.getTweens().some((t) => !t.isPaused())) return true;
  // Phaser 4's Clock has no public list of its events; an unknown shape counts as moving.
  const clock = scene.time as unknown as { _active?: unknown[]; _pendingInsertion?: unknown[] };
  return !clock._active || clock._active.length + (clock._pendingInsertion?.length ?? 0) > 0;
}

/**
 * Redraw only on change: once booted, when no scene has a tween or timer running for
 * a few frames, the game loop sleeps and the canvas keeps its last frame (an idle
 * debrief chart or a paused hall cost nothing). Returns `wake`, to call on any change.
 */
export function keepStill(game: Phaser.Game, booted: Promise<void>): () => void {
  let still = 0;
  let ready = false;
  const wake = () => {
    still = 0;
    if (!game.loop.running) {
      game.loop.wake();
      game.loop.resetDelta();
    }
  };
  booted.then(() => (ready = true));
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (!ready) return;
    still = game.scene.getScenes(false).some(moving) ? 0 : still + 1;
    if (still >= STILL_FRAMES) game.loop.sleep();
  });
  // The scale manager resizes the canvas during steps: a sleeping game must wake for it.
  window.addEventListener('resize', wake);
  return wake;
}
