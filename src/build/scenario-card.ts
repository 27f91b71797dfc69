import type { Scenario } from '../core/schema/scenario';

/** What the menu needs to list a scenario; the rest is loaded when it is played. */
export type ScenarioCard = Pick<Scenario, 'id' | 'title' | 'summary' | 'trains' | 'channel' | 'venue' | 'difficulty' | 'duration' | 'rubric'> & {
  contacts: { visitor: Pick<Scenario['contacts'][number]['visitor'], 'traits' | 'language' | 'civility'> }[];
};

export function cardOf(s: Scenario): ScenarioCard {
  const { id, title, summary, trains, channel, venue, difficulty, duration, rubric } = s;
  return {
    id,
    title,
    summary,
    ...(trains ? { trains } : {}),
    channel,
    venue,
    difficulty,
    duration,
    rubric,
    contacts: s.contacts.map((c) => ({ visitor: { traits: c.visitor.traits, language: c.visitor.language, civility: c.visitor.civility } })),
  };
}
