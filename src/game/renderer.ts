import * as Phaser from 'phaser';

/** WebGL renderers that run on the CPU: slower than Phaser's Canvas renderer for our flat 2D hall. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/**
 * Canvas unless the browser has a real GPU for WebGL. Measured on the hall without a
 * GPU: WebGL in software 12–20 fps, Canvas 60 fps and a first frame ~4× sooner.
 * `failIfMajorPerformanceCaveat` makes Chromium refuse a software context; the
 * renderer string catches browsers that hand one out anyway.
 */
export function chooseRenderer(): number {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context now, not at GC
    return SOFTWARE.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}
