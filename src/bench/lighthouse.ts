import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CHROMIUM } from '../../tests/e2e/chromium';
import { type Figure, figure, median } from './report';

const run = promisify(execFile);

/** Lighthouse (pinned devDependency) mobile performance with Debian's Chromium; median of `runs`. */
export async function lighthouseFigures(url: string, runs = 5): Promise<Figure[]> {
  const scores: number[] = [];
  const tbt: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(
      'npx',
      [
        'lighthouse',
        url,
        '--only-categories=performance',
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
    );
    const lhr = JSON.parse(stdout) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number }> };
    scores.push(Math.round(lhr.categories.performance.score * 100));
    tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN);
  }
  return [
    figure('lighthouse', 'mobile performance score', median(scores), '', { min: 90 }, `median of ${runs}: ${scores.join(', ')}`),
    figure('lighthouse', 'total blocking time', median(tbt), 'ms', undefined, `median of ${runs}`),
  ];
}
