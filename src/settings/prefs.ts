/**
 * The player's settings on this device: text size, contrast, motion, sound and
 * voices. Kept in localStorage (a school PC or a phone keeps them between
 * sessions) and applied to <html> as classes and a CSS variable.
 */
export const TEXT_SCALES = [100, 125, 150, 175, 200] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export interface Prefs {
  textScale: TextScale;
  highContrast: boolean;
  /** Asked for here; the system's prefers-reduced-motion counts too (see motionReduced). */
  reducedMotion: boolean;
  muted: boolean;
  /** 0–100 each. */
  master: number;
  effects: number;
  ambience: number;
  /** Read visitors' lines aloud where the browser has a voice; captions stay either way. */
  voices: boolean;
}

export const DEFAULTS: Prefs = {
  textScale: 100,
  highContrast: false,
  reducedMotion: false,
  muted: false,
  master: 80,
  effects: 80,
  ambience: 50,
  voices: false,
};

const KEY = 'comptoir.settings';
/** Before settings existed, the mute switch had its own key: keep the player's choice. */
const OLD_MUTE_KEY = 'comptoir.muted';
const listeners = new Set<(p: Prefs) => void>();
let current: Prefs | undefined;

const pct = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(100, Math.round(v))) : d);
const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);

/** Anything unreadable falls back to the default, value by value: a bad entry never blocks the game. */
export function sanitize(raw: unknown): Prefs {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    textScale: (TEXT_SCALES as readonly number[]).includes(r.textScale as number) ? (r.textScale as TextScale) : DEFAULTS.textScale,
    highContrast: bool(r.highContrast, DEFAULTS.highContrast),
    reducedMotion: bool(r.reducedMotion, DEFAULTS.reducedMotion),
    muted: bool(r.muted, DEFAULTS.muted),
    master: pct(r.master, DEFAULTS.master),
    effects: pct(r.effects, DEFAULTS.effects),
    ambience: pct(r.ambience, DEFAULTS.ambience),
    voices: bool(r.voices, DEFAULTS.voices),
  };
}

function read(): Prefs {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) return sanitize(JSON.parse(stored));
    return sanitize({ muted: localStorage.getItem(OLD_MUTE_KEY) === '1' });
  } catch {
    return { ...DEFAULTS };
  }
}

export function prefs(): Prefs {
  current ??= read();
  return current;
}

export function setPrefs(change: Partial<Prefs>) {
  current = sanitize({ ...prefs(), ...change });
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    /* storage full or blocked: the setting still applies for this session */
  }
  applyToPage();
  listeners.forEach((l) => l(current!));
}

export function onPrefs(listener: (p: Prefs) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function systemReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** True when either the player or the operating system asks for less motion. */
export function motionReduced(): boolean {
  return prefs().reducedMotion || systemReducedMotion();
}

export function applyToPage(root = document.documentElement) {
  const p = prefs();
  root.style.setProperty('--text-scale', String(p.textScale / 100));
  root.classList.toggle('high-contrast', p.highContrast);
  root.classList.toggle('reduce-motion', motionReduced());
  root.dataset.textScale = String(p.textScale);
}
