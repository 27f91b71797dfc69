import type { Line } from '../schema/scenario';

/** Length of a leading "( … )" (nested brackets allowed), or 0 when the text does not open with one. */
function leadingAside(text: string): number {
  if (!text.startsWith('(')) return 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return 0;
}

/**
 * "(He sighs.) Right… what are you offering?" is a stage direction, then speech.
 * The narrator tells the first and the visitor says the second, so a screen reader
 * and the dialogue log never present a visitor's words as narration (or the reverse).
 * A line that does not split the same way in every language stays whole.
 */
export function splitStage(line: Line): { stage?: Line; speech?: Line } {
  // Only the languages are cut; anything else a line carries (a caller's tone) stays with the speech.
  const { fr, en, es, de, ...rest } = line as Line & Record<string, unknown>;
  const texts = Object.entries({ fr, en, es, de }).filter((e): e is [string, string] => typeof e[1] === 'string');
  const cut = texts.map(([lang, text]) => [lang, text, leadingAside(text)] as const);
  if (cut.every(([, , n]) => n === 0)) return { speech: line };
  const splits = cut.every(([, text, n]) => n > 0 && text.slice(n).trim().length > 0);
  if (!splits) return { stage: line };
  const stage = Object.fromEntries(cut.map(([lang, text, n]) => [lang, text.slice(0, n)])) as Line;
  const speech = { ...Object.fromEntries(cut.map(([lang, text, n]) => [lang, text.slice(n).trim()])), ...rest } as Line;
  return { stage, speech };
}
