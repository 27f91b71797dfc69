import { z } from 'zod';

/** Every string a player reads exists in French and English. */
export const Text = z.strictObject({
  fr: z.string().min(1, 'French text is empty'),
  en: z.string().min(1, 'English text is empty'),
});
export type Text = z.infer<typeof Text>;

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id in lower-case letters, digits and dashes, e.g. "claire-dupont"');

export const Lang = z.enum(['fr', 'en', 'es', 'de']);
export type Lang = z.infer<typeof Lang>;
export const UI_LANGS = ['fr', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];
