import { prefs } from '../settings/prefs';

/**
 * Visitors' lines read aloud by the browser's own speech synthesis, in the
 * visitor's language, when the player turned voices on and the device has a voice
 * for that language. Captions are always shown: a missing voice just means silence.
 */
const synth = (): SpeechSynthesis | undefined => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined);

export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const voices = synth()?.getVoices() ?? [];
  const want = lang.toLowerCase();
  return voices.find((v) => v.lang.toLowerCase() === want) ?? voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === want);
}

/** Languages the device can speak, among those asked for (voices may load late: call again on 'voiceschanged'). */
export function voiceSupport(langs: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(langs.map((l) => [l, Boolean(voiceFor(l))]));
}

export function onVoicesChanged(listener: () => void) {
  synth()?.addEventListener?.('voiceschanged', listener);
}

/** Only what is said: stage directions "(He sighs.)" and quotation marks are not read. */
export function speakable(text: string): string {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[«»“”"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns true when the line is being read aloud, false when captions are all there is. */
export function speak(text: string, lang: string): boolean {
  const s = synth();
  const line = speakable(text);
  if (!prefs().voices || prefs().muted || !s || !line) return false;
  const voice = voiceFor(lang);
  if (!voice) return false;
  try {
    const u = new SpeechSynthesisUtterance(line);
    u.voice = voice;
    u.lang = voice.lang;
    u.volume = prefs().master / 100;
    s.cancel(); // a new line interrupts the previous one, as a person would
    s.speak(u);
    return true;
  } catch {
    return false;
  }
}

export function hush() {
  synth()?.cancel();
}
