/**
 * Sounds are synthesised here (no third-party audio): a few samples computed into
 * 16-bit mono WAV data URIs that Howler can play.
 */
const RATE = 22050;

function wav(samples: Float32Array): string {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (o: number, s: string) => [...s].forEach((c, i) => view.setUint8(o + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 32767, true));
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

function render(seconds: number, f: (t: number) => number): string {
  const out = new Float32Array(Math.floor(seconds * RATE));
  for (let i = 0; i < out.length; i++) out[i] = f(i / RATE);
  return wav(out);
}

const tone = (freq: number, t: number, decay: number) => Math.sin(2 * Math.PI * freq * t) * Math.exp(-t * decay);

/** Two-note door chime: a visitor comes in. */
export const chime = () => render(1.2, (t) => 0.35 * (tone(880, t, 3) + (t > 0.25 ? tone(660, t - 0.25, 3) : 0)));
/** Soft click: the student chose an option. */
export const click = () => render(0.08, (t) => 0.3 * tone(1400, t, 60));
/** Colleague's arrival: a lift's "ding". */
export const ding = () => render(0.9, (t) => 0.3 * tone(1320, t, 4));

/** Room tone: a deterministic low murmur (sums of slow sines, no randomness needed). */
export const ambience = () =>
  render(
    4,
    (t) =>
      0.03 * (Math.sin(2 * Math.PI * 110 * t) * Math.sin(2 * Math.PI * 0.5 * t) + 0.6 * Math.sin(2 * Math.PI * 174 * t) * Math.sin(2 * Math.PI * 0.25 * t)),
  );
