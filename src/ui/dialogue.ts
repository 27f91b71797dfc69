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

  /**
   * Redraws the choices only when they change, and keeps focus on the same
   * choice, so a keyboard user is never thrown back to the first one.
   */
  renderOptions(options: Option[], promptText: string, hint?: (o: Option) => boolean) {
    const signature = [promptText, ...options.map((o) => `${o.id}${hint?.(o) ? '*' : ''}`)].join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    const focused = this.options.contains(document.activeElement) ? document.activeElement?.getAttribute('data-option') : undefined;
    this.prompt.textContent = promptText;
    clear(
      this.options,
      ...options.map((o, i) => {
        const label = o.act === 'CLOSE_FILE' ? t('play.closeFile') : tx(o.text);
        const key = CHOICE_KEYS[i] ?? '';
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
    else if (focused !== undefined || document.activeElement === document.body) this.focusFirst();
  }

  focusFirst() {
    this.options.querySelector('button')?.focus();
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
