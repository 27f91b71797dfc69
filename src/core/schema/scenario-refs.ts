import type { z } from 'zod';
import { phaseStates } from '../machines/index';
import { AFTER_ACTS, ALL_ACTS, ANYTIME_ACTS, actsOn, type Channel, PHASES, type Phase } from '../machines/procedure';
import { contactChannel } from './channel';

type Path = (string | number)[];
interface OptionLike {
  id: string;
  act: string;
  when?: string[];
  if?: { done?: string[]; notDone?: string[]; doneAny?: string[] };
  reply?: unknown;
  observe?: { rule?: string }[];
  calls?: string;
  to?: string;
  extension?: string;
}
interface ScenarioLike {
  channel: Channel | 'mixed';
  desk: {
    directory: { id: string; extension: string }[];
    diaries?: Record<string, unknown>;
    absences?: { person: string }[];
    orgChart?: { head: string; members: string[] }[];
    rules: { id: string }[];
  };
  contacts: {
    id: string;
    channel?: Channel;
    request: { outcome: { person?: string } };
    waiting?: { colleague: string };
    phases: Partial<Record<Phase, { options: OptionLike[] }>>;
    companions?: { id: string }[];
    anytime?: OptionLike[];
    after?: OptionLike[];
  }[];
  timeline: { contact: string; event: 'arrival' | 'call'; after?: { leaves: string; if?: { done?: string[]; notDone?: string[]; doneAny?: string[] } } }[];
}

type ContactLike = ScenarioLike['contacts'][number];
/** Every option id a contact has, in its phases, anytime and after. */
const optionIds = (c: ContactLike): string[] => [
  ...PHASES.flatMap((p) => c.phases[p]?.options.map((o) => o.id) ?? []),
  ...(c.anytime ?? []).map((o) => o.id),
  ...(c.after ?? []).map((o) => o.id),
];

/** Dangling references and impossible scripts, each reported where it stands. */
export function checkReferences(s: ScenarioLike, ctx: z.RefinementCtx) {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const people = new Set(s.desk.directory.map((p) => p.id));
  const person = (id: string | undefined, path: Path) => {
    if (id !== undefined && !people.has(id)) issue(path, `unknown person "${id}"; expected an id from desk.directory (${[...people].join(', ')})`);
  };
  Object.keys(s.desk.diaries ?? {}).forEach((id) => person(id, ['desk', 'diaries', id]));
  s.desk.absences?.forEach((a, i) => person(a.person, ['desk', 'absences', i, 'person']));
  s.desk.orgChart?.forEach((o, i) => {
    person(o.head, ['desk', 'orgChart', i, 'head']);
    o.members.forEach((m, j) => person(m, ['desk', 'orgChart', i, 'members', j]));
  });
  const rules = new Set(s.desk.rules.map((r) => r.id));
  const contacts = new Set(s.contacts.map((c) => c.id));
  const extensions = new Map(s.desk.directory.map((p) => [p.extension, p.id]));
  s.timeline.forEach((t, i) => {
    if (!contacts.has(t.contact)) issue(['timeline', i, 'contact'], `unknown contact "${t.contact}"; expected one of ${[...contacts].join(', ')}`);
    if (t.after) {
      const first = s.contacts.find((x) => x.id === t.after!.leaves);
      if (!first) issue(['timeline', i, 'after', 'leaves'], `unknown contact "${t.after.leaves}"; expected one of ${[...contacts].join(', ')}`);
      else if (first.id === t.contact)
        issue(['timeline', i, 'after', 'leaves'], `contact "${t.contact}" cannot come after leaving itself: give the return its own contact`);
      else {
        const ids = new Set(optionIds(first));
        for (const key of ['done', 'notDone', 'doneAny'] as const)
          t.after.if?.[key]?.forEach((n, ni) => {
            if (!ids.has(n) && !ALL_ACTS.includes(n))
              issue(['timeline', i, 'after', 'if', key, ni], `"${n}" is neither an option of contact "${first.id}" nor an act`);
          });
      }
    }
    const c = s.contacts.find((x) => x.id === t.contact);
    const want = c && contactChannel(s, c) === 'phone' ? 'call' : 'arrival';
    if (c && t.event !== want)
      issue(
        ['timeline', i, 'event'],
        `contact "${c.id}" is ${want === 'call' ? 'a caller: the phone rings with event "call"' : 'a visitor: they come with event "arrival"'}`,
      );
  });
  s.contacts.forEach((c, ci) => {
    const at = (...p: Path) => ['contacts', ci, ...p];
    const channel = contactChannel(s, c);
    const ACTS = actsOn(channel);
    if (s.channel === 'mixed' && !c.channel) issue(at('id'), `in a mixed scenario each contact says its channel: add "channel: face" or "channel: phone"`);
    if (s.channel !== 'mixed' && c.channel && c.channel !== s.channel)
      issue(at('channel'), `a ${c.channel} contact in a ${s.channel} scenario: make the scenario's channel "mixed"`);
    person(c.request.outcome.person, at('request', 'outcome', 'person'));
    person(c.waiting?.colleague, at('waiting', 'colleague'));
    if (!s.timeline.some((t) => t.contact === c.id)) issue(at('id'), `contact "${c.id}" never arrives: add a timeline event for it`);
    const groups: { path: Path; options: OptionLike[]; acts: readonly string[]; phase?: Phase; where: string }[] = [
      ...PHASES.filter((p) => c.phases[p]).map((p) => ({
        path: at('phases', p, 'options'),
        options: c.phases[p]!.options,
        acts: ACTS[p],
        phase: p,
        where: `phase ${p}`,
      })),
      { path: at('anytime'), options: c.anytime ?? [], acts: ANYTIME_ACTS, where: 'anytime' },
      { path: at('after'), options: c.after ?? [], acts: AFTER_ACTS, where: 'after' },
    ];
    const ids = new Set(groups.flatMap((g) => g.options.map((o) => o.id)));
    const seen = new Set<string>();
    for (const g of groups) {
      g.options.forEach((o, oi) => {
        const p = (...q: Path) => [...g.path, oi, ...q];
        if (seen.has(o.id)) issue(p('id'), `option id "${o.id}" is used twice in contact "${c.id}"`);
        seen.add(o.id);
        if (!g.acts.includes(o.act)) issue(p('act'), `act "${o.act}" does not exist in ${g.where}; expected one of ${g.acts.join(', ')}`);
        const states = g.phase ? phaseStates(g.phase, channel) : [];
        o.when?.forEach((w, wi) => {
          if (!g.phase) issue(p('when', wi), `"when" names phase states and only works in a phase's options`);
          else if (!states.includes(w)) issue(p('when', wi), `state "${w}" does not exist in phase ${g.phase}; expected one of ${states.join(', ')}`);
        });
        const named = (list: string[] | undefined, key: string) =>
          list?.forEach((n, ni) => {
            if (!ids.has(n) && !ALL_ACTS.includes(n)) issue(p('if', key, ni), `"${n}" is neither an option of contact "${c.id}" nor an act`);
          });
        named(o.if?.done, 'done');
        named(o.if?.notDone, 'notDone');
        named(o.if?.doneAny, 'doneAny');
        if (Array.isArray(o.reply)) {
          o.reply.forEach((r: { if?: { done?: string[]; notDone?: string[]; doneAny?: string[] } }, ri) => {
            for (const key of ['done', 'notDone', 'doneAny'] as const)
              r.if?.[key]?.forEach((n, ni) => {
                if (!ids.has(n) && !ALL_ACTS.includes(n)) issue(p('reply', ri, 'if', key, ni), `"${n}" is neither an option of contact "${c.id}" nor an act`);
              });
          });
        }
        o.observe?.forEach((ob, bi) => {
          if (ob.rule && !rules.has(ob.rule))
            issue(p('observe', bi, 'rule'), `unknown rule "${ob.rule}"; expected one of desk.rules: ${[...rules].join(', ')}`);
        });
        person(o.calls, p('calls'));
        if (o.act === 'TRANSFER' && o.extension === undefined) issue(p('act'), 'a TRANSFER names the extension it dials: add "extension" from desk.directory');
        if (o.extension !== undefined && !extensions.has(o.extension))
          issue(
            p('extension'),
            `extension "${o.extension}" is not in the directory; expected one of ${[...extensions].map(([e, id]) => `${e} (${id})`).join(', ')}`,
          );
        if (o.to && !c.companions?.some((x) => x.id === o.to)) {
          issue(
            p('to'),
            `unknown companion "${o.to}"; expected one of contacts.${ci}.companions: ${(c.companions ?? []).map((x) => x.id).join(', ') || '(none)'}`,
          );
        }
      });
    }
    if (channel === 'phone') {
      // A caller on hold must be come back to (C224.1 « informer régulièrement »): a hold needs a return.
      const hold = c.phases.handling?.options.findIndex((o) => o.act === 'HOLD') ?? -1;
      const holdAt = at('phases', 'handling', 'options', hold, 'act');
      if (hold >= 0 && !c.phases.waiting?.options.some((o) => o.act === 'RETURN'))
        issue(holdAt, 'this HOLD puts the caller on hold, but phases.waiting has no RETURN option: a caller on hold must be come back to at intervals');
      if (hold >= 0 && !c.waiting) issue(holdAt, 'this HOLD needs a "waiting" block on the contact (colleague, delay, afterChase, arrival)');
      const park = c.anytime?.findIndex((o) => o.act === 'PARK') ?? -1;
      if (park >= 0 && !c.anytime?.some((o) => o.act === 'RESUME'))
        issue(at('anytime', park, 'act'), 'this PARK puts the caller on hold, but no anytime option takes them back (RESUME): a hold needs a return');
      return;
    }
    const defer = c.phases.handling?.options.findIndex((o) => o.act === 'DEFER') ?? -1;
    const deferAt = at('phases', 'handling', 'options', defer, 'act');
    if (defer >= 0 && !c.phases.waiting)
      issue(deferAt, 'this DEFER leads to the waiting phase, but phases.waiting is missing: add it (SEAT, ANNOUNCE_WAIT, CHASE, HAND_OVER options)');
    if (defer >= 0 && !c.waiting) issue(deferAt, 'this DEFER needs a "waiting" block on the contact (colleague, delay, afterChase, arrival)');
  });
}
