import { describe, expect, it } from 'vitest';
import { readUrlParams } from '../../src/ui/url-params';

const read = (s: string) => readUrlParams(s, ['fr', 'en']);

describe('URL parameters', () => {
  it('keeps good values', () => {
    expect(read('?seed=11&speed=6&lang=en')).toEqual({ seed: 11, speed: 6, lang: 'en', ignored: [] });
    expect(read('')).toEqual({ speed: 1, ignored: [] });
  });

  it('ignores a bad value, says which, and keeps the defaults', () => {
    const p = read('?speed=abc&seed=x&lang=zz');
    expect(p.speed).toBe(1);
    expect(p.seed).toBeUndefined();
    expect(p.lang).toBeUndefined();
    expect(p.ignored.map((i) => `${i.name}=${i.value}`)).toEqual(['seed=x', 'speed=abc', 'lang=zz']);
  });

  it.each(['0', '51', '1e3', 'Infinity', 'NaN', '-2', '', ' '])('refuses speed=%s', (v) => {
    expect(read(`?speed=${encodeURIComponent(v)}`).ignored).toHaveLength(1);
  });

  it.each(['-1', '1.5', '4294967296', '1e5', '0x10'])('refuses seed=%s', (v) => {
    expect(read(`?seed=${v}`).seed).toBeUndefined();
  });
});
