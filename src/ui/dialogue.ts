import type { Option } from '../core/schema/scenario';
import type { LogEntry, Shift } from '../core/shift/shift';
import { t, tx } from '../i18n';
import { clear, deskClock, h } from './dom';

/**
 * The conversation as text: a log that screen readers announce (role="log",
 * aria-live), and the student's options as numbered buttons (digits 1–9 or the
 * arrow keys then Enter).
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
    this.logBox = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('play.dialogueLabel') }, this.log);
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

  private speaker(entry: LogEntry, shift: Shift): string {
    const c = shift.contacts.find((x) => x.id === entry.contact)?.def.visitor;
    if (entry.speaker === 'receptionist') return t('play.you');
    if (entry.speaker === 'narrator') return '';
    if (entry.speaker === 'colleague') return t('play.colleague');
    return c ? `${c.civility === 'Madame' ? t('play.ms') : t('play.mr')} ${c.name}` : '';
  }

  /** Appends new lines only, so assistive technology reads each line once. */
  renderLog(shift: Shift) {
    if (shift.log.length < this.shown) clear(this.log), (this.shown = 0);
    for (const entry of shift.log.slice(this.shown)) {
      const who = this.speaker(entry, shift);
      this.log.append(
        h(
          'li',
          { class: `line ${entry.speaker}`, lang: entry.lang === 'fr' ? undefined : entry.lang },
          h('span', { class: 'time' }, deskClock(shift.scenario.desk.startTime, entry.t, true)),
          who ? h('strong', { class: 'who' }, `${who} : `) : null,
          h('span', { class: 'said' }, tx(entry.text)),
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
      ...options.map((o, i) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: `option${hint?.(o) ? ' hinted' : ''}`, 'data-option': o.id, 'data-key': i + 1, onclick: () => this.onChoose(o) },
            h('span', { class: 'key', 'aria-hidden': 'true' }, String(i + 1)),
            h('span', {}, tx(o.text)),
            o.tool ? h('span', { class: 'tool-tag' }, t(`tools.${o.tool}`)) : null,
            hint?.(o) ? h('span', { class: 'hint-tag' }, t('play.hint')) : null,
          ),
        ),
      ),
    );
    const same = focused && (this.options.querySelector(`[data-option="${focused}"]`) as HTMLElement | null);
    if (same) same.focus();
    else if (focused !== undefined || document.activeElement === document.body) this.focusFirst();
  }

  focusFirst() {
    this.options.querySelector('button')?.focus();
  }

  /** Digit keys choose directly; handled by the play screen for the whole page. */
  choose(n: number): boolean {
    const button = this.options.querySelectorAll('button')[n - 1] as HTMLButtonElement | undefined;
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
