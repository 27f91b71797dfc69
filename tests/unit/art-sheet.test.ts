import { describe, expect, it } from 'vitest';
import { packSheet, SVG_ART, type SvgArt } from '../../src/game/art/svg';

const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('decor sheet (one SVG for every piece of decor)', () => {
  const sheet = packSheet(SVG_ART);

  it('gives every piece its own frame, at its own size, inside the sheet', () => {
    expect(sheet.frames.map((f) => f.key).sort()).toEqual(SVG_ART.map((a) => a.key).sort());
    for (const f of sheet.frames) {
      const art = SVG_ART.find((a) => a.key === f.key)!;
      expect([f.w, f.h]).toEqual([art.w, art.h]);
      expect(f.x >= 0 && f.y >= 0 && f.x + f.w <= sheet.w && f.y + f.h <= sheet.h, f.key).toBe(true);
    }
  });

  it('keeps a gap between pieces, so smoothing never bleeds a neighbour in', () => {
    const padded = sheet.frames.map((f) => ({ ...f, w: f.w + 1, h: f.h + 1 }));
    for (const [i, a] of padded.entries()) for (const b of padded.slice(i + 1)) expect(overlap(a, b), `${a.key} / ${b.key}`).toBe(false);
  });

  it('places each body in a clipped box at its frame', () => {
    for (const f of sheet.frames)
      expect(sheet.svg).toContain(`<svg x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" overflow="hidden">`);
    expect(sheet.svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${sheet.w}" height="${sheet.h}"`)).toBe(true);
  });

  it('refuses a piece wider than the sheet, naming it', () => {
    const wide: SvgArt = { key: 'banner', w: 600, h: 10, body: '' };
    expect(() => packSheet([wide], 512)).toThrow(/"banner" is wider/);
  });
});
