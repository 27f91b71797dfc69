import { describe, expect, it } from 'vitest';
import { coverageOf, TARGETS } from '../../src/cli/coverage-report';
import { loadFromDisk } from '../../src/cli/files';
import { TRAITS } from '../../src/core/schema/scenario';

// `npm run coverage` prints what issue 22's "done when" reads: scenarios per difficulty and per profile.
const catalog = loadFromDisk();

describe('npm run coverage', () => {
  const report = coverageOf(catalog.scenarios);

  it('counts the shipped scenarios per difficulty, 1 to 5, and prints the counts', () => {
    for (const d of [1, 2, 3, 4, 5] as const) expect(report.difficulty[d], `difficulty ${d}`).toBe(catalog.scenarios.filter((s) => s.difficulty === d).length);
    expect(Object.values(report.difficulty).reduce((a, b) => a + b, 0)).toBe(catalog.scenarios.length);
    const line = report.text.split('\n').find((l) => l.startsWith('Scenarios by difficulty:'));
    expect(line).toBe(`Scenarios by difficulty: ${[1, 2, 3, 4, 5].map((d) => `${d}: ${report.difficulty[d as 1]}`).join(', ')}.`);
  });

  it('counts, for every trait the format knows (none left out at 0), the scenarios with such a visitor', () => {
    expect(Object.keys(report.traits).sort()).toEqual([...TRAITS].sort());
    for (const t of TRAITS) expect(report.traits[t], t).toBe(catalog.scenarios.filter((s) => s.contacts.some((c) => c.visitor.traits.includes(t))).length);
    const line = report.text.split('\n').find((l) => l.startsWith('Scenarios by profile'))!;
    for (const t of TRAITS) expect(line).toContain(`${t} ${report.traits[t]}`);
  });

  it('says what the path still lacks, and nothing once the targets are met', () => {
    const one = catalog.scenarios.find((s) => s.difficulty === 2)!;
    const few = coverageOf([one]);
    expect(few.short).toContain(`${TARGETS.scenarios - 1} more scenarios`);
    expect(few.short).toContain(`${TARGETS.perDifficulty} more of difficulty 5`);
    expect(few.short).toContain(`${TARGETS.perDifficulty - 1} more of difficulty 2`);
    expect(few.short).toContain('no courier visitor yet');
    expect(few.text).toMatch(/^Short of the path's targets/m);
    // Forty copies spread over the difficulties, with every profile the issue names: nothing short.
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...one,
      id: `copy-${i}`,
      difficulty: (i % 5) + 1,
      contacts: [{ ...one.contacts[0], visitor: { ...one.contacts[0].visitor, traits: [...TARGETS.profiles] } }],
    }));
    const full = coverageOf(many);
    expect(full.short).toEqual([]);
    expect(full.text).toMatch(/^The path's targets are met/m);
  });
});
