// The telephone rubric (A2) is its own file with its own id: CP1 and CP2 of A2 are not
// those of A1, and a phone scenario scored with the face-to-face rubric is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../../src/core/load/catalog';
import { findIndicator } from '../../../src/core/scoring/indicators';

const text = readFileSync('scenarios/rubrics/a2-phone.yaml', 'utf8');
const { rubric, errors } = loadRubric({ file: 'scenarios/rubrics/a2-phone.yaml', text });
const referentiel = readFileSync('tests/fixtures/referentiel-a2.txt', 'utf8');
/** Activity A1's task table (référentiel lines 423–444): the tasks a visitor at a mixed desk is graded on. */
const referentielA1 = readFileSync('tests/fixtures/referentiel-a1-tasks.txt', 'utf8');

describe('a2-phone rubric', () => {
  it('loads, for the phone channel, under its own id', () => {
    expect(errors).toEqual([]);
    expect(rubric?.id).toBe('a2-phone');
    expect(rubric?.channel).toBe('phone');
  });

  it('quotes the A2 behaviours exactly', () => {
    const wording = Object.fromEntries(rubric!.criteria.map((c) => [c.id, c.wording]));
    expect(wording.CP1).toBe("Faire preuve d'empathie, d'assertivité");
    expect(wording.CP2).toBe('Faire preuve de courtoisie et sourire');
    for (const task of ['T21.1', 'T22.1', 'T22.2', 'T22.3', 'T22.4', 'T22.5', 'T22.6', 'T22.7']) expect(wording[task], task).toBeTruthy();
  });

  it('quotes every sourced indicator word for word from the référentiel (A2 pages; A1 tasks T11–T13 for a visitor at a mixed desk)', () => {
    for (const c of rubric!.criteria)
      for (const i of c.indicators) {
        if (i.source.startsWith('paraphrase')) continue;
        const pages = /^T1\d\./.test(c.id) ? referentielA1 : referentiel;
        expect(pages.includes(i.text.fr), `${c.id}.${i.id}: ${i.text.fr}`).toBe(true);
      }
  });

  it('finds indicators of task criteria whose id holds a dot', () => {
    expect(findIndicator(rubric!, 'T22.5.slip')?.criterion.id).toBe('T22.5');
    expect(findIndicator(rubric!, 'CP2.welcome')?.indicator.id).toBe('welcome');
    expect(findIndicator(rubric!, 'T22.5.nope')).toBeUndefined();
  });
});
