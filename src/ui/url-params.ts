/** A parameter of the page's address that was not understood, and what was expected instead. */
export interface IgnoredParam {
  name: string;
  value: string;
  /** i18n key of the explanation: urlParams.<name>. */
  expected: string;
}

export interface UrlParams {
  /** Test hook: a fixed seed (a whole number, 0 to 2³²−1). */
  seed?: number;
  /** Test hook: a faster clock, 1 to 50. */
  speed: number;
  lang?: string;
  ignored: IgnoredParam[];
}

export const MAX_SPEED = 50;

/**
 * Reads ?seed, ?speed and ?lang. A value that is not understood is dropped and
 * listed in `ignored`, so the game starts with its defaults and can say so
 * (`?speed=abc` used to freeze the clock).
 */
export function readUrlParams(search: string, languages: readonly string[]): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = { speed: 1, ignored: [] };
  const check = (name: string, ok: (v: string) => boolean, use: (v: string) => void) => {
    const v = q.get(name);
    if (v === null) return;
    if (ok(v)) use(v);
    else out.ignored.push({ name, value: v.slice(0, 40), expected: `urlParams.${name}` });
  };
  const num = (v: string) => (/^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN);
  check(
    'seed',
    (v) => Number.isSafeInteger(num(v)) && num(v) <= 0xffffffff,
    (v) => (out.seed = num(v)),
  );
  check(
    'speed',
    (v) => num(v) >= 1 && num(v) <= MAX_SPEED,
    (v) => (out.speed = num(v)),
  );
  check(
    'lang',
    (v) => languages.includes(v),
    (v) => (out.lang = v),
  );
  return out;
}
