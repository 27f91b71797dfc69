import type { Scenario } from '../../core/schema/scenario';
import { t, tx } from '../../i18n';
import { clear, h } from '../dom';
import { diariesPanel } from './diaries';
import { directoryPanel } from './directory';
import { internalCallPanel } from './internal-call';
import { messageSlipPanel } from './message-slip';
import { recordsPanel, rulesPanel } from './rules';
import { type DeskRecords, type PendingAct, TOOL_IDS, type ToolContext, type ToolId } from './types';
import { visitorLogPanel } from './visitor-log';

/**
 * The desk's documentation and tools: a row of buttons and one open panel. When an
 * option needs a tool (check the diary, log the visitor), the panel opens with a
 * confirm step, so using the tool is the act that gets scored.
 */
export class DeskTools {
  readonly root: HTMLElement;
  readonly records: DeskRecords = { log: [], slips: [] };
  private readonly panel: HTMLElement;
  private current?: ToolId;
  private pending?: PendingAct;

  constructor(
    private readonly scenario: Scenario,
    private readonly clock: () => string,
  ) {
    this.panel = h('section', { class: 'tool-panel', hidden: true, tabindex: -1, 'aria-labelledby': 'tool-title' });
    const bar = h(
      'nav',
      { class: 'tool-bar', 'aria-label': t('tools.label') },
      ...TOOL_IDS.filter((id) => id !== 'records' || scenario.desk.records?.length).map((id) =>
        h('button', { type: 'button', 'data-tool': id, 'aria-pressed': 'false', onclick: () => this.toggle(id) }, t(`tools.${id}`)),
      ),
    );
    this.root = h('div', { class: 'desk-tools' }, bar, this.panel);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close(), e.stopPropagation();
    });
  }

  /**
   * A tool's own button: opens it, or closes it if open. Open for an option's act, it stays
   * so and takes the keyboard back to its first control: pressed again, the button used to
   * reopen the panel without the act, and its "Appeler le …" buttons with it (issue 22).
   */
  private toggle(id: ToolId) {
    if (this.current !== id) return this.open(id);
    if (!this.pending) return this.close();
    this.firstControl().focus();
  }

  private firstControl(): HTMLElement {
    return (this.panel.querySelector('input, textarea, select, button.primary, button[data-call]') as HTMLElement | null) ?? this.panel;
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  open(tool: ToolId, pending?: PendingAct) {
    this.current = tool;
    this.pending = pending;
    const ctx: ToolContext = { scenario: this.scenario, pending, records: this.records };
    const body = {
      directory: () => directoryPanel(ctx),
      diary: () => diariesPanel(ctx),
      rules: () => rulesPanel(ctx),
      records: () => recordsPanel(ctx),
      log: () => visitorLogPanel(ctx, this.clock),
      message: () => messageSlipPanel(ctx, this.clock),
      call: () => internalCallPanel(ctx),
    }[tool]();
    // Consulting tools have nothing to fill in (but a booking, which has its form): a plain button records that they were used.
    const confirm =
      pending && ['directory', 'diary', 'rules', 'records'].includes(tool) && !(tool === 'diary' && body.querySelector('form.booking'))
        ? h('button', { type: 'button', class: 'primary', onclick: () => pending.confirm() }, t('tools.confirm', { act: tx(pending.option.text) }))
        : null;
    clear(
      this.panel,
      h(
        'header',
        {},
        h('h2', { id: 'tool-title' }, t(`tools.${tool}`)),
        h('button', { type: 'button', class: 'close', 'aria-label': t('tools.close'), onclick: () => this.close() }, '×'),
      ),
      pending ? h('p', { class: 'pending' }, t('tools.pending', { act: tx(pending.option.text) })) : null,
      body,
      confirm,
    );
    this.panel.hidden = false;
    this.root.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-tool') === tool)));
    // The first thing to fill in or press (a call button in the internal call): not the panel itself, from
    // where Tab led to × and closed it, and the key pressed again opened it again (issue 22).
    this.firstControl().focus();
  }

  /** A digit shown on a button of the open panel (the internal call's extensions) presses it. */
  choose(key: string): boolean {
    if (!this.isOpen) return false;
    const button = this.panel.querySelector(`button[data-key="${CSS.escape(key.toLowerCase())}"]`) as HTMLButtonElement | null;
    button?.click();
    return Boolean(button);
  }

  /** `done`: the act was made, the caller moves focus on; else focus goes back to where the student was. */
  close(done = false) {
    // Closed from inside (Escape, ×) without doing the act: back to where the student was, not the page's body.
    const returnTo = !done && this.panel.contains(document.activeElement) ? (this.pending?.cancel ?? this.barButton(this.current)) : undefined;
    this.panel.hidden = true;
    this.current = undefined;
    this.pending = undefined;
    this.root.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    returnTo?.();
  }

  private barButton(tool: ToolId | undefined) {
    const button = tool && (this.root.querySelector(`[data-tool="${tool}"]`) as HTMLElement | null);
    return button ? () => button.focus() : undefined;
  }
}
