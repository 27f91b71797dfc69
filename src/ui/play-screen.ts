import { play as cue, isMuted, setMuted, startAmbience, stopAmbience } from '../audio/sound';
import { POLICIES } from '../core/policies/policies';
import { createRng } from '../core/rng';
import type { Option } from '../core/schema/scenario';
import type { HallSource, HallState } from '../game/hall-state';
import type { GameHandle } from '../game/launch';
import { t, tx } from '../i18n';
import { deskWork } from './desk-work';
import { DialogueView } from './dialogue';
import { clear, deskClock, h, mmss } from './dom';
import { hallState } from './hall-view';
import { preparationPanel } from './preparation';
import type { Session } from './session';
import { DeskTools } from './tools/desk-tools';

/**
 * The playing screen: the Phaser hall above, the conversation and the desk tools
 * below in the DOM. It only shows the session and forwards the student's choices.
 */
export class PlayScreen implements HallSource {
  readonly root: HTMLElement;
  readonly stage: HTMLElement;
  private readonly dialogue: DialogueView;
  private readonly tools: DeskTools;
  private readonly status: HTMLElement;
  private readonly controls: HTMLElement;
  /** The right-hand column: preparation, then the dialogue, then the debrief. */
  readonly side: HTMLElement;
  private readonly hallListeners = new Set<(s: HallState) => void>();
  private state: HallState;
  private seenArrivals = 0;
  private game?: GameHandle;

  constructor(
    private readonly session: Session,
    private readonly onFinished: () => void,
    private readonly onQuit: () => void,
  ) {
    const { scenario } = session;
    this.dialogue = new DialogueView((o) => this.choose(o));
    this.tools = new DeskTools(scenario, () => deskClock(scenario.desk.startTime, session.shift.now));
    this.status = h('p', { class: 'clock', role: 'timer', 'aria-live': 'off' });
    this.controls = h('div', { class: 'controls' });
    this.stage = h('div', { class: 'stage', 'aria-hidden': 'true' });
    this.side = h('div', { class: 'side' });
    this.root = h(
      'main',
      { class: 'play', id: 'play' },
      h(
        'header',
        { class: 'status-bar' },
        h('h1', {}, tx(scenario.title)),
        h('span', { class: `mode ${session.mode}` }, t(`mode.${session.mode}`)),
        this.status,
        this.controls,
      ),
      h('div', { class: 'play-body' }, h('div', { class: 'left' }, h('div', { class: 'stage-wrap' }, this.stage), this.tools.root), this.side),
    );
    this.state = hallState(session.shift, session.paused);
    session.onChange(() => this.render());
    document.addEventListener('keydown', this.keys);
  }

  get(): HallState {
    return this.state;
  }

  subscribe(listener: (s: HallState) => void) {
    this.hallListeners.add(listener);
    return () => this.hallListeners.delete(listener);
  }

  attachGame(game: GameHandle) {
    this.game = game;
  }

  /** Start of shift: the preparation form over the hall; the clock waits for it. */
  begin() {
    const { scenario, rubric } = this.session;
    clear(
      this.side,
      preparationPanel(
        scenario,
        rubric,
        (items) => this.open(items),
        () => this.tools.open('rules'),
      ),
    );
    this.renderControls();
    this.render();
    (this.side.querySelector('input') as HTMLElement | null)?.focus();
  }

  /** Assessment sessions (issue 7): back into a contact whose desk was already open before a reload. */
  resumePlaying() {
    this.open([]);
  }

  private open(items: string[]) {
    items.forEach((i) => this.session.prepare(i));
    clear(this.side, this.dialogue.root);
    this.tools.root.after(deskWork(this.session.scenario));
    this.tools.close();
    startAmbience();
    this.session.start();
    this.dialogue.focusFirst();
  }

  private focusContact() {
    return (
      this.session.shift.contacts.find((c) => c.status === 'present' && c.available().length) ?? this.session.shift.contacts.find((c) => c.status === 'present')
    );
  }

  private choose(option: Option) {
    const run = this.focusContact();
    if (!run) return;
    cue('choice');
    if (!option.tool) return this.session.act(run.id, option.id);
    const targets = [run.def.request.outcome.person, run.def.waiting?.colleague].filter((x): x is string => Boolean(x));
    this.tools.open(option.tool, {
      option,
      targets,
      visitorName: `${run.def.visitor.civility} ${run.def.visitor.name}`,
      company: run.def.visitor.company,
      confirm: () => {
        this.tools.close();
        if (run.available().some((o) => o.id === option.id)) this.session.act(run.id, option.id);
        this.dialogue.focusFirst();
      },
    });
  }

  /** Practice mode shows what good practice would do next. */
  private hint(): ((o: Option) => boolean) | undefined {
    if (!this.session.hints) return undefined;
    const d = POLICIES.ideal.decide(this.session.shift, createRng(0));
    return 'option' in d ? (o) => o.id === d.option : undefined;
  }

  private render() {
    const { shift } = this.session;
    this.state = hallState(shift, this.session.paused);
    this.hallListeners.forEach((l) => l(this.state));
    this.dialogue.renderLog(shift);
    const arrived = shift.contacts.filter((c) => c.arrivedAt !== undefined).length;
    if (arrived > this.seenArrivals) cue('arrival'), (this.seenArrivals = arrived);
    const run = this.focusContact();
    const options = run?.available() ?? [];
    const prompt = !shift.isOpen ? t('play.prepareFirst') : run && options.length ? t('play.choose') : run ? t('play.nothingToDo') : t('play.noVisitor');
    this.dialogue.renderOptions(options, prompt, this.hint());
    this.status.textContent = `${t('play.clock')} ${deskClock(shift.scenario.desk.startTime, shift.now, true)} · ${t('play.elapsed')} ${mmss(shift.now)}${this.session.paused ? ` · ${t('play.paused')}` : ''}`;
    this.renderControls();
    if (this.session.finished) this.finish();
  }

  private readonly pauseButton = h('button', { type: 'button', id: 'pause', 'aria-pressed': 'false', onclick: () => this.session.togglePause() });
  private readonly skipButton = h('button', { type: 'button', id: 'skip', onclick: () => this.session.skipAhead() });
  private readonly soundButton = h('button', { type: 'button', id: 'mute', onclick: () => (setMuted(!isMuted()), this.renderControls()) });

  /** Buttons are built once and only updated, so keyboard focus never drops out of them. */
  private renderControls() {
    const practice = this.session.mode === 'practice';
    const open = this.session.shift.isOpen;
    if (!this.controls.childElementCount) {
      this.controls.append(
        this.pauseButton,
        this.skipButton,
        this.soundButton,
        h('button', { type: 'button', id: 'quit', onclick: () => this.quit() }, t('play.quit')),
      );
    }
    this.pauseButton.hidden = this.skipButton.hidden = !(practice && open);
    this.pauseButton.textContent = this.session.paused ? t('play.resume') : t('play.pause');
    this.pauseButton.setAttribute('aria-pressed', String(this.session.paused));
    this.skipButton.textContent = t('play.skip');
    this.soundButton.textContent = isMuted() ? t('play.soundOff') : t('play.soundOn');
    this.soundButton.setAttribute('aria-pressed', String(!isMuted()));
  }

  /** The debrief takes the right-hand column; the hall's stage stays for its chart. */
  showDebrief(view: HTMLElement) {
    this.tools.root.remove();
    this.root.querySelector('.desk-work')?.remove();
    this.controls.remove();
    clear(this.side, view);
  }

  private finished = false;
  private finish() {
    if (this.finished) return;
    this.finished = true;
    stopAmbience();
    document.removeEventListener('keydown', this.keys);
    this.onFinished();
  }

  private quit() {
    if (!confirm(t('play.quitConfirm'))) return;
    this.session.stop();
    stopAmbience();
    document.removeEventListener('keydown', this.keys);
    this.onQuit();
  }

  /** Digits choose an option from anywhere on the page (except while typing in a form). */
  private readonly keys = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select') || e.altKey || e.ctrlKey || e.metaKey) return;
    if (/^[1-9]$/.test(e.key) && !this.tools.isOpen && this.session.shift.isOpen) {
      if (this.dialogue.choose(Number(e.key))) e.preventDefault();
    }
  };

  destroy() {
    this.session.stop();
    document.removeEventListener('keydown', this.keys);
    this.game?.destroy();
  }
}
