import type { HallVisitor } from '../game/hall-state';
import { t } from '../i18n';
import { h } from './dom';
import { describeVisitor } from './hall-view';

/**
 * The hall in words, for screen readers (the canvas is aria-hidden): one line per
 * visitor — where they are, what they do, how they feel — announced politely when
 * it changes. Visually hidden; data attributes let tests read the same state.
 */
export class VisitorStatus {
  readonly root: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly empty: HTMLElement;

  constructor() {
    this.list = h('ul', {});
    this.empty = h('p', {}, t('visitor.none'));
    this.root = h(
      'section',
      { class: 'visually-hidden visitor-status', id: 'visitor-status', 'aria-live': 'polite', 'aria-label': t('play.visitorStatus') },
      this.empty,
      this.list,
    );
  }

  update(visitors: readonly HallVisitor[]) {
    const shown = visitors.filter((v) => v.spot !== 'gone' || v.pose === 'leaveAngry' || v.pose === 'leave');
    this.empty.hidden = shown.length > 0;
    const seen = new Set<string>();
    for (const v of shown) {
      seen.add(v.id);
      let li = this.list.querySelector(`[data-visitor="${v.id}"]`) as HTMLElement | null;
      if (!li) this.list.append((li = h('li', { 'data-visitor': v.id })));
      const text = describeVisitor(v);
      // Only rewrite on a real change: each rewrite is read out.
      if (li.textContent !== text) li.textContent = text;
      li.dataset.pose = v.pose;
      li.dataset.mood = v.expression;
      li.dataset.stance = v.stance;
      li.dataset.speaking = String(v.speaking);
    }
    for (const li of [...this.list.children] as HTMLElement[]) if (!seen.has(li.dataset.visitor!)) li.remove();
  }
}
