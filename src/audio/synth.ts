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

/** Deterministic noise (a small LCG): the same bytes on every machine, no Math.random. */
function noise(seed = 1) {
  let x = seed;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

/** A bad phone line: a second of hiss with pops, under a caller's words. */
export const crackle = () => {
  const n = noise(11);
  let low = 0;
  return render(1, (t) => {
    low = 0.7 * low + 0.3 * n(); // softened hiss
    const pop = n() > 0.985 ? n() : 0;
    return 0.18 * low * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)) + 0.4 * pop;
  });
};

/** Two-note door chime: a visitor comes in. */
export const chime = () => render(1.2, (t) => 0.35 * (tone(880, t, 3) + (t > 0.25 ? tone(660, t - 0.25, 3) : 0)));
/** Soft click: a button of the interface. */
export const click = () => render(0.08, (t) => 0.3 * tone(1400, t, 60));
/** Colleague's arrival: a lift's "ding". */
export const ding = () => render(0.9, (t) => 0.3 * tone(1320, t, 4));

/** Four soft heel steps on a hard floor: short low thuds with a little grit. */
export const steps = () => {
  const n = noise(7);
  return render(1.6, (t) => {
    const k = Math.floor(t / 0.4);
    const u = t - k * 0.4;
    return 0.5 * Math.exp(-u * 40) * (0.7 * Math.sin(2 * Math.PI * (90 + k * 6) * u) + 0.3 * n());
  });
};

/** Desk phone: two bursts of a warbling two-tone ring. */
export const ring = () =>
  render(2.2, (t) => {
    const burst = t % 1.1 < 0.45 ? 1 : 0;
    const warble = Math.floor(t * 40) % 2 ? 1 : 0.8;
    return 0.18 * burst * warble * (Math.sin(2 * Math.PI * 1200 * t) + Math.sin(2 * Math.PI * 1500 * t));
  });

/** The visitor warms up: two rising notes, soft. */
export const moodUp = () => render(0.5, (t) => 0.25 * (tone(523, t, 6) + (t > 0.12 ? tone(784, t - 0.12, 6) : 0)));
/** The visitor cools down: two falling low notes. */
export const moodDown = () => render(0.6, (t) => 0.28 * (tone(330, t, 5) + (t > 0.15 ? tone(247, t - 0.15, 5) : 0)));

/**
 * Room tone with a murmur of voices: slow sines plus noise shaped into syllable-like
 * bursts. One loop; its volume rises with the number of people in the hall.
 */
export const ambience = () => {
  const n = noise(3);
  let lp = 0;
  return render(4, (t) => {
    const hum = Math.sin(2 * Math.PI * 110 * t) * Math.sin(2 * Math.PI * 0.5 * t) + 0.6 * Math.sin(2 * Math.PI * 174 * t) * Math.sin(2 * Math.PI * 0.25 * t);
    lp += 0.08 * (n() - lp); // low-passed noise sounds like distant talk
    const syllables = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3.1 * t) * Math.sin(2 * Math.PI * 0.7 * t + 1);
    return 0.03 * hum + 0.5 * lp * syllables;
  });
};
