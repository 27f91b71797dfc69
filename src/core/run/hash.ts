/**
 * A fast, deterministic 64-bit string hash (two cyrb53 lanes), as 16 hex digits.
 * It makes accidental or casual edits evident (a session link, a scenario that
 * changed since a run was played); it is not a signature: anyone who reads the
 * source can recompute it.
 */
export function hash(text: string): string {
  return lane(text, 0x9e3779b9).toString(16).padStart(14, '0').slice(-8) + lane(text, 0x85ebca6b).toString(16).padStart(14, '0').slice(-8);
}

function lane(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** JSON with object keys sorted, so the same data always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fingerprint of a scenario as loaded: a run names the version it was played on. */
export function scenarioHash(scenario: unknown): string {
  return hash(stableJson(scenario));
}
