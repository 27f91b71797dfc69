/** Tiny element builder: text always goes through textContent, never innerHTML. */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element, ...children: Child[]) {
  el.replaceChildren(...(children.filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]));
}

/** Seconds as m:ss for timers shown to the student. */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Desk clock: the scenario's start time plus the shift's seconds. */
export function deskClock(start: string, seconds: number, withSeconds = false): string {
  const [hh, mm] = start.split(':').map(Number);
  const total = hh * 3600 + mm * 60 + Math.floor(seconds);
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `${p(Math.floor(total / 3600) % 24)}:${p(Math.floor(total / 60) % 60)}`;
  return withSeconds ? `${base}:${p(total % 60)}` : base;
}
