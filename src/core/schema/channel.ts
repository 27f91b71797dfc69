import type { Channel } from '../machines/procedure';

// Apart from scenario-refs.ts (which reads the machines' states) so a shift can ask it
// without loading XState.

/** A contact's channel: its own, else the scenario's (a mixed scenario must say it per contact). */
export const contactChannel = (s: { channel: Channel | 'mixed' }, c: { channel?: Channel }): Channel =>
  c.channel ?? (s.channel === 'mixed' ? 'face' : s.channel);
