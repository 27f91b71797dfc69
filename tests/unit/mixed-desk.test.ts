// A mixed desk as a new user met it (issue 22): "Consulter le planning des salles" opened an empty list;
// the visitor's directions were graded under « Le conseil aux appelants ».
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { designWarnings } from '../../src/core/load/design-check';
import { play } from '../../src/core/policies/play';
import { contactChannel } from '../../src/core/schema/channel';

const catalog = loadFromDisk();

describe('desk tools an option opens', () => {
  it.each(catalog.scenarios.map((s) => s.id))('%s: no option opens an empty desk tool', (id) => {
    const scenario = catalog.scenarios.find((s) => s.id === id)!;
    const empty = designWarnings(scenario, catalog.rubrics.get(scenario.rubric)!).filter((w) => w.includes('leaves empty'));
    expect(empty).toEqual([]);
  });

  it('the room schedule of the rush-hour desk shows the safety training the visitor asks about', () => {
    const scenario = catalog.scenarios.find((s) => s.id === 'mixed-rush-counter')!;
    const rooms = (scenario.desk.records ?? []).filter((r) => r.kind === 'room');
    expect(rooms.map((r) => r.details.fr).join(' ')).toMatch(/formation sécurité/);
  });
});

describe('a visitor at a mixed desk is graded on the face-to-face criteria', () => {
  const mixed = catalog.scenarios.filter((s) => s.channel === 'mixed');
  /** Activity A2's task criteria (T21.x, T22.x) are about calls; A1's tasks (T11–T13) about the visitor. */
  const phoneTask = (indicator: string) => /^T2\d\./.test(indicator);
  const faceTask = (indicator: string) => /^T1\d\./.test(indicator);

  it.each(mixed.flatMap((s) => (['ideal', 'rude', 'passive', 'random', 'key-1', 'key-3'] as const).map((p) => [s.id, p] as const)))(
    '%s, %s: no act of the visitor under a telephone task, no act of the caller under a face-to-face one',
    (id, policy) => {
      const scenario = catalog.scenarios.find((s) => s.id === id)!;
      const channel = new Map(scenario.contacts.map((c) => [c.id, contactChannel(scenario, c)]));
      const result = play(scenario, catalog.rubrics.get(scenario.rubric)!, policy, 1);
      const misplaced = result.observations
        .filter((o) => (channel.get(o.contact) === 'face' && phoneTask(o.indicator)) || (channel.get(o.contact) === 'phone' && faceTask(o.indicator)))
        .map((o) => `${o.contact} ${o.option ?? o.kind} ${o.indicator}`);
      expect(misplaced).toEqual([]);
    },
  );

  // The policies above only see the options they pick: a wrong move nobody plays would slip through.
  it.each(mixed.map((s) => s.id))('%s: no option written for a visitor at the counter names a telephone task, none for a caller a face-to-face one', (id) => {
    const scenario = catalog.scenarios.find((s) => s.id === id)!;
    const misplaced = scenario.contacts.flatMap((c) => {
      const channel = contactChannel(scenario, c);
      const options = [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? []), ...(c.after ?? [])];
      return options.flatMap((o) =>
        (o.observe ?? [])
          .filter((x) => (channel === 'face' && phoneTask(x.indicator)) || (channel === 'phone' && faceTask(x.indicator)))
          .map((x) => `${c.id} ${o.id} ${x.indicator}`),
      );
    });
    expect(misplaced).toEqual([]);
  });

  it('a visitor who leaves a message or is offered a solution at a mixed desk is graded on A1’s own tasks (T12.5, T12.2 C122.5)', () => {
    const scenario = catalog.scenarios.find((s) => s.id === 'company-hall-unpaid-invoice')!;
    const result = play(scenario, catalog.rubrics.get(scenario.rubric)!, 'ideal', 1);
    const slip = result.observations.filter((o) => o.contact === 'patrick-lebrun' && o.option === 'urgent-slip').map((o) => o.indicator);
    expect(slip).toEqual(expect.arrayContaining(['T12.5.slip', 'T12.2.alternative', 'T13.1.need']));
  });

  it("the visitor's directions at the rush-hour desk come under « Le traitement de la demande », not « Le conseil aux appelants »", () => {
    const scenario = catalog.scenarios.find((s) => s.id === 'mixed-rush-counter')!;
    const rubric = catalog.rubrics.get(scenario.rubric)!;
    const result = play(scenario, rubric, 'ideal', 1);
    const direct = result.observations.filter((o) => o.option === 'direct').map((o) => o.criterion);
    const wording = (id: string) => rubric.criteria.find((c) => c.id === id)!.wording;
    expect(direct.map(wording)).not.toContain('Le conseil aux appelants');
    expect(direct.map(wording)).toContain("Le traitement de la demande : l'information, l'orientation, le conseil");
  });

  it('a visitor who walks out of a mixed desk is told in a visitor’s words, on the face-to-face criteria', () => {
    const scenario = catalog.scenarios.find((s) => s.id === 'mixed-rush-counter')!;
    const result = play(scenario, catalog.rubrics.get(scenario.rubric)!, 'passive', 1);
    const marie = result.observations.filter((o) => o.contact === 'marie-lenoir' && (o.kind === 'walkout' || o.kind === 'omission' || o.kind === 'composure'));
    expect(marie.map((o) => o.kind)).toContain('composure');
    for (const o of marie) expect(`${o.indicator} ${o.why?.fr ?? ''}`).not.toMatch(/appel|T2\d\./);
  });
});
