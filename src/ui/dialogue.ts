import type { Option } from '../core/schema/scenario';
import type { Shift } from '../core/shift/shift';
import { t, tx } from '../i18n';
import { clear, deskClock, h } from './dom';
import { entryWords, toneWords } from './words';

/** Keys for the choices: 1–9, 0, then letters, so every option has one however many there are. */
export const CHOICE_KEYS = [...'1234567890abcdefghijklmnopqrstuvwxyz'];

/**
 * The conversation as text: a log that screen readers announce (role="log",
 * aria-live), and the student's options as keyed buttons (1–9, 0, then letters, or
 * the arrow keys then Enter). The options come in the order the shift gives them
 * (drawn from the seed), so the best answer is not always first.
 */
export class DialogueView {
  readonly root: HTMLElement;
  private readonly logBox: HTMLElement;
  private readonly log: HTMLOListElement;
  private readonly options: HTMLOListElement;
  private readonly prompt: HTMLElement;
  private shown = 0;

  constructor(private readonly onChoose: (option: Option) => void) {
    // The live region wraps the list: role="log" on the <ol> itself would strip its list semantics.
    this.log = h('ol', { class: 'lines' });
    // Focusable, so a keyboard user can scroll back through the conversation.
    this.logBox = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('play.dialogueLabel'), tabindex: 0 }, this.log);
    this.prompt = h('p', { class: 'prompt', id: 'options-prompt' });
    this.options = h('ol', { class: 'options', 'aria-labelledby': 'options-prompt' });
    this.root = h(
      'section',
      { class: 'dialogue', 'aria-label': t('play.dialogueLabel') },
      this.logBox,
      h('div', { class: 'choices' }, this.prompt, this.options),
    );
    this.options.addEventListener('keydown', (e) => this.arrows(e));
    this.logBox.addEventListener('focusout', () => (this.parked = false));
  }

  /** Appends new lines only, so assistive technology reads each line once. */
  renderLog(shift: Shift) {
    if (shift.log.length < this.shown) clear(this.log), (this.shown = 0);
    for (const entry of shift.log.slice(this.shown)) {
      const w = entryWords(entry, shift);
      if (!w.text) continue;
      const narration = !w.who;
      this.log.append(
        h(
          'li',
          { class: `line ${narration ? 'narrator' : entry.speaker}` },
          h('span', { class: 'time' }, deskClock(shift.scenario.desk.startTime, entry.t, true)),
          w.who ? h('strong', { class: 'who' }, t('play.says', { who: w.who })) : null,
          // A caller is heard, not seen: how the line sounds comes with the words.
          entry.text?.tone && entry.speaker === 'visitor' ? h('span', { class: 'tone' }, `(${toneWords(entry.text)}) `) : null,
          h(narration ? 'em' : 'span', { class: 'said', lang: w.lang }, w.text),
          w.translation ? h('details', { class: 'translation' }, h('summary', {}, t('play.translate')), h('span', {}, w.translation)) : null,
        ),
      );
    }
    this.shown = shift.log.length;
    this.logBox.scrollTop = this.logBox.scrollHeight;
  }

  private signature = '';
  /** The key each option on screen was given: it keeps it while it stays on screen (issue 22). */
  private keyOf = new Map<string, string>();
  /** Focus was put on the log because there was nothing to choose: the next choices take it back. */
  private parked = false;

  /**
   * Stable keys: an option still on screen keeps the key it had, so the key a student has
   * read does not move to another answer when an option disappears; new options take the
   * lowest free keys, and the list shows in key order. Everything gone (a contact ended):
   * the next options start again from 1.
   */
  private assignKeys(options: Option[]): { option: Option; key: string }[] {
    const kept = new Map<string, string>();
    for (const o of options) {
      const key = this.keyOf.get(o.id);
      if (key !== undefined && ![...kept.values()].includes(key)) kept.set(o.id, key);
    }
    const free = CHOICE_KEYS.filter((k) => ![...kept.values()].includes(k));
    for (const o of options) if (!kept.has(o.id)) kept.set(o.id, free.shift() ?? '');
    this.keyOf = kept;
    const rank = (k: string) => (k === '' ? CHOICE_KEYS.length : CHOICE_KEYS.indexOf(k));
    return options.map((option) => ({ option, key: kept.get(option.id)! })).sort((a, b) => rank(a.key) - rank(b.key));
  }

  /**
   * Redraws the choices only when they change, and keeps focus on the same
   * choice, so a keyboard user is never thrown back to the first one. Focus never
   * falls to the page: with nothing to choose it waits on the conversation.
   */
  renderOptions(options: Option[], promptText: string, hint?: (o: Option) => boolean) {
    const signature = [promptText, ...options.map((o) => `${o.id}${hint?.(o) ? '*' : ''}`)].join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    const active = document.activeElement;
    const focused = this.options.contains(active) ? active?.getAttribute('data-option') : undefined;
    const wasParked = this.parked && active === this.logBox;
    this.prompt.textContent = promptText;
    clear(
      this.options,
      ...this.assignKeys(options).map(({ option: o, key }) => {
        const label = o.act === 'CLOSE_FILE' ? t('play.closeFile') : tx(o.text);
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `option${hint?.(o) ? ' hinted' : ''}`,
              'data-option': o.id,
              'data-key': key,
              'aria-keyshortcuts': key || undefined,
              onclick: () => this.onChoose(o),
            },
            h('span', { class: 'key', 'aria-hidden': 'true' }, key),
            h('span', { class: 'option-text' }, label),
            o.tool ? h('span', { class: 'tool-tag', 'aria-hidden': 'true' }, t(`tools.${o.tool}`)) : null,
            hint?.(o) ? h('span', { class: 'hint-tag', 'aria-hidden': 'true' }, t('play.hint')) : null,
          ),
        );
      }),
    );
    const same = focused && (this.options.querySelector(`[data-option="${focused}"]`) as HTMLElement | null);
    if (same) same.focus();
    else if (focused !== undefined || wasParked || document.activeElement === document.body) this.focusFirst();
  }

  /** The first choice; with none, the conversation itself (never the page's body). */
  focusFirst() {
    const first = this.options.querySelector('button');
    this.parked = !first;
    (first ?? this.logBox).focus({ preventScroll: !first });
  }

  /** Back to a given choice (a tool panel closed without using it), else the first. */
  focusOption(id: string) {
    const button = this.options.querySelector(`[data-option="${CSS.escape(id)}"]`) as HTMLElement | null;
    if (button) (this.parked = false), button.focus();
    else this.focusFirst();
  }

  /** A choice key (1–9, 0, a–z) chooses directly; handled by the play screen for the whole page. */
  choose(key: string): boolean {
    const button = this.options.querySelector(`button[data-key="${CSS.escape(key.toLowerCase())}"]`) as HTMLButtonElement | null;
    button?.click();
    return Boolean(button);
  }

  private arrows(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...this.options.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(i + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    e.preventDefault();
  }
}
