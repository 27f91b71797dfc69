import type { Rubric } from '../schema/rubric';

// Lookups on a rubric's indicators, kept apart from the schema so the browser can use
// them without loading the schema checker.

/** "CP3.welcome" or "T22.5.slip" → its criterion and indicator, or undefined when the rubric has no such indicator. */
export function findIndicator(rubric: Rubric, ref: string) {
  // Indicator ids never hold a dot; criterion ids may ("T22.5").
  const dot = ref.lastIndexOf('.');
  const criterion = rubric.criteria.find((c) => c.id === ref.slice(0, dot));
  const indicator = criterion?.indicators.find((i) => i.id === ref.slice(dot + 1));
  return criterion && indicator ? { criterion, indicator } : undefined;
}

export const indicatorRefs = (rubric: Rubric) => rubric.criteria.flatMap((c) => c.indicators.map((i) => `${c.id}.${i.id}`));
