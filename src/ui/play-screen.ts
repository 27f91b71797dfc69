import { crowdOf, hallCues } from '../audio/hall-sounds';
import { play as cue, setCrowd, startAmbience, stopAmbience } from '../audio/sound';
import { hush, speak } from '../audio/voice';
import { hint } from '../core/policies/hint';
import type { Option } from '../core/schema/scenario';
import type { DebriefState, HallSource, HallState } from '../game/hall-state';
import type { GameHandle } from '../game/launch';
import { t, tx } from '../i18n';
import { prefs, setPrefs } from '../settings/prefs';
import { debriefChart } from './debrief-chart';
import { deskWork } from './desk-work';
import { CHOICE_KEYS, DialogueView } from './dialogue';
import { clear, deskClock, h, mmss } from './dom';
import { hallState, speechOf } from './hall-view';
import { preparationPanel } from './preparation';
import type { Session } from './session';
import { openSettings } from './settings/settings-dialog';
import { SwitchboardPanel } from './switchboard';
import { DeskTools } from './tools/desk-tools';
import { VisitorStatus } from './visitor-status';
import { spoken } from './words';

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
  private game?: GameHandle;
  private readonly visitorStatus = new VisitorStatus();
  private spoken = 0;
  /** Telephone or mixed desks: the line keys and the call log. */
  private readonly switchboard?: SwitchboardPanel;
  /** Whom the student chose to attend to with a line key or the counter key; else the shift decides. */
  private chosen?: string;
  /**
   * A touch screen without a keyboard in use: the prompt says to tap, not which keys to press.
   * A key pressed turns the keyboard's hint back on; a finger on the screen, the tap's.
   */
  private touch = matchMedia('(hover: none) and (pointer: coarse)').matches;
  /** Rings heard so far, by contact: one ring sound per ring. */
  private readonly ringsHeard = new Map<string, number>();

  constructor(
    private readonly session: Session,
    private readonly onFinished: () => void,
    private readonly onQuit: () => void,
  ) {
    const { scenario } = session;
    this.dialogue = new DialogueView((o) => this.choose(o));
    if (scenario.channel !== 'face')
      this.switchboard = new SwitchboardPanel(
        (contact, ringing) => this.line(contact, ringing),
        () => this.counter(),
      );
    this.tools = new DeskTools(scenario, () => deskClock(scenario.desk.startTime, session.shift.now));
    this.status = h('p', { class: 'clock', role: 'timer', 'aria-live': 'off' }, h('span', { class: 'clock-time' }), h('span', { class: 'clock-elapsed' }));
    this.controls = h('div', { class: 'controls' });
    this.stage = h('div', { class: 'stage', 'aria-hidden': 'true' });
    this.side = h('div', { class: 'side' });
    this.root = h(
      'main',
      { class: 'play', id: 'play' },
      h(
        'header',
        { class: 'status-bar' },
        h('h1', { title: tx(scenario.title) }, tx(scenario.title)),
        h('span', { class: `mode ${session.mode}` }, t(`mode.${session.mode}`)),
        this.status,
        this.controls,
      ),
      h(
        'div',
        { class: 'play-body' },
        h('div', { class: 'left' }, h('div', { class: 'stage-wrap' }, this.stage, this.visitorStatus.root), this.tools.root),
        this.side,
      ),
    );
    this.state = hallState(session.shift, session.paused);
    session.onChange(() => this.render());
    // Phones in portrait keep the bar and the hall stuck at the top: the page needs their real heights,
    // to place the hall under the bar and to scroll focused or tapped controls out from under both.
    const bar = this.root.querySelector('.status-bar') as HTMLElement;
    const wrap = this.root.querySelector('.stage-wrap') as HTMLElement;
    const measure = () => {
      const sticky = getComputedStyle(wrap).position === 'sticky';
      document.documentElement.style.setProperty('--bar-h', `${bar.offsetHeight}px`);
      document.documentElement.style.setProperty('--sticky-h', sticky ? `${bar.offsetHeight + wrap.offsetHeight}px` : '0px');
    };
    new ResizeObserver(measure).observe(bar);
    new ResizeObserver(measure).observe(wrap);
    document.addEventListener('keydown', this.keys);
    this.root.addEventListener('pointerdown', (e) => this.inputBy(e.pointerType === 'touch'));
  }

  private inputBy(touch: boolean) {
    if (touch === this.touch) return;
    this.touch = touch;
    if (this.session.shift.isOpen) this.render();
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

  /** "Try this moment again": the desk is already open, the contact stands where it was; play on from there. */
  resume() {
    this.open([]);
    this.render();
  }

  /** Assessment sessions (issue 7): back into a contact whose desk was already open before a reload. */
  resumePlaying() {
    this.resume();
  }

  private open(items: string[]) {
    items.forEach((i) => this.session.prepare(i));
    clear(this.side, this.switchboard?.root, this.dialogue.root);
    this.tools.root.after(deskWork(this.session.scenario));
    this.spoken = this.session.shift.log.length;
    this.tools.close();
    startAmbience();
    this.session.start();
    this.dialogue.focusFirst();
  }

  /** The contact whose options are shown: the one the student chose while it still has something to do, else the shift's. */
  private focusContact() {
    const { shift } = this.session;
    // A face-to-face desk has no keys to choose with: the shift decides, as it always has.
    if (!this.switchboard) return shift.attended();
    const chosen = this.chosen === undefined ? undefined : shift.contacts.find((c) => c.id === this.chosen);
    if (chosen && chosen.status !== 'expected' && chosen.available().length) return chosen;
    this.chosen = undefined;
    const run = shift.attended();
    // Once the student is with someone, a new call only blinks: picking up is their choice (C321.1).
    if (run) this.chosen = run.id;
    return run;
  }

  /** A line key: a ringing line is picked up at once; any other brings that caller's choices. */
  private line(contact: string, ringing: boolean) {
    const run = this.session.shift.contacts.find((c) => c.id === contact);
    if (!run) return;
    this.chosen = contact;
    const pickUp = ringing ? run.available().find((o) => o.act === 'PICK_UP') : undefined;
    if (pickUp) this.session.act(run.id, pickUp.id);
    else this.render();
    this.dialogue.focusFirst();
  }

  /** The counter key (mixed desks): back to the visitor in front of the desk. */
  private counter() {
    const visitor = this.session.shift.contacts.find((c) => c.channel === 'face' && c.status === 'present');
    if (!visitor) return;
    this.chosen = visitor.id;
    this.render();
    this.dialogue.focusFirst();
  }

  private choose(option: Option) {
    const run = this.focusContact();
    if (!run) return;
    if (option.act === 'EXCUSE') return this.excuse(run.id, option);
    if (!option.tool) return this.session.act(run.id, option.id);
    this.tools.open(option.tool, {
      option,
      confirm: (input) => {
        this.tools.close(true);
        if (run.available().some((o) => o.id === option.id)) this.session.act(run.id, option.id, input);
        this.dialogue.focusFirst();
      },
      cancel: () => this.dialogue.focusOption(option.id),
    });
  }

  /**
   * « Excusez-moi, je prends cet appel » to the visitor at a mixed desk: the dialogue goes to the
   * ringing line, whose one choice is "Décrocher", so the student need not hunt for its line key.
   */
  private excuse(visitor: string, option: Option) {
    const ringing = this.session.shift.contacts.find((c) => c.status === 'present' && c.ringing);
    if (ringing) this.chosen = ringing.id;
    this.session.act(visitor, option.id);
    if (ringing) this.dialogue.focusFirst();
  }

  /** Practice mode shows what good practice would do next: an option of the contact in focus, or another line's key. */
  private hint(focus: string | undefined): { option?: (o: Option) => boolean; contact?: string } {
    if (!this.session.hints) return {};
    const d = hint(this.session.shift);
    if (!d) return {};
    return d.contact === focus || !this.switchboard ? { option: (o) => o.id === d.option } : { contact: d.contact };
  }

  /** One ring sound per ring, on every ringing line. */
  private ring() {
    const view = this.session.shift.switchboard();
    for (const l of view.lines) {
      if (l.state !== 'ringing' || !l.contact) continue;
      if ((this.ringsHeard.get(l.contact) ?? 0) < (l.rings ?? 1)) cue('phone');
      this.ringsHeard.set(l.contact, l.rings ?? 1);
    }
    return view;
  }

  private render() {
    const { shift } = this.session;
    const before = this.state;
    this.state = hallState(shift, this.session.paused);
    this.hallListeners.forEach((l) => l(this.state));
    this.dialogue.renderLog(shift);
    this.visitorStatus.update(this.state.visitors);
    for (const c of hallCues(before, this.state)) cue(c);
    setCrowd(crowdOf(this.state));
    this.speakNewLines();
    const run = this.focusContact();
    const options = run ? shift.choices(run) : [];
    const nobody = shift.scenario.channel === 'phone' ? t('play.noCall') : t('play.noVisitor');
    const choose = this.touch ? t('mobile.choose') : t('play.choose');
    const prompt = !shift.isOpen ? t('play.prepareFirst') : run && options.length ? choose : run ? t('play.nothingToDo') : nobody;
    const hint = this.hint(run?.id);
    if (this.switchboard) this.switchboard.update(shift, this.ring(), run?.id, hint.contact);
    this.dialogue.renderOptions(options, prompt, hint.option);
    const [time, elapsed] = this.status.children as unknown as HTMLElement[];
    time.textContent = `${t('play.clock')} ${deskClock(shift.scenario.desk.startTime, shift.now, true)} · `;
    elapsed.textContent = `${t('play.elapsed')} ${mmss(shift.now)}${this.session.paused ? ` · ${t('play.paused')}` : ''}`;
    this.renderControls();
    if (this.session.finished) this.finish();
  }

  /** Visitors' new lines, read aloud when voices are on (captions are shown regardless). */
  private speakNewLines() {
    const { shift } = this.session;
    for (const entry of shift.log.slice(this.spoken)) {
      if ((entry.speaker !== 'visitor' && entry.speaker !== 'narrator') || !entry.text) continue;
      // A bad line is heard as well as read.
      if (entry.text.tone === 'crackle' || entry.text.tone === 'noise') cue('crackle');
      // A visitor speaks their own language, as the caption shows it; stage directions are not read.
      const line = entry.speaker === 'visitor' ? spoken(entry.text, entry.lang) : { text: tx(entry.text), lang: 'fr' as const };
      const text = speechOf(line.text);
      if (text) speak(text, line.lang);
    }
    this.spoken = shift.log.length;
  }

  /** A control with a glyph for small screens and its words (visible on wide screens, always read out). */
  private control(id: string, glyph: string, onclick: () => void) {
    return h(
      'button',
      { type: 'button', id, class: 'control', onclick },
      h('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph),
      h('span', { class: 'words' }),
    );
  }
  private readonly pauseButton = this.control('pause', '❚❚', () => this.session.togglePause());
  private readonly skipButton = this.control('skip', '»', () => this.session.skipAhead());
  private readonly soundButton = this.control('mute', '♪', () => (setPrefs({ muted: !prefs().muted }), this.renderControls()));
  private readonly settingsButton = this.control('play-settings', '⚙', () => this.settings());
  private readonly quitButton = this.control('quit', '✕', () => this.quit());

  private setControl(button: HTMLElement, words: string) {
    (button.querySelector('.words') as HTMLElement).textContent = words;
    button.title = words;
  }

  /** Buttons are built once and only updated, so keyboard focus never drops out of them. */
  private renderControls() {
    const practice = this.session.mode === 'practice';
    const open = this.session.shift.isOpen;
    if (!this.controls.childElementCount) this.controls.append(this.pauseButton, this.skipButton, this.soundButton, this.settingsButton, this.quitButton);
    this.pauseButton.hidden = this.skipButton.hidden = !(practice && open);
    this.setControl(this.pauseButton, this.session.paused ? t('play.resume') : t('play.pause'));
    (this.pauseButton.querySelector('.glyph') as HTMLElement).textContent = this.session.paused ? '▶' : '❚❚';
    this.pauseButton.setAttribute('aria-pressed', String(this.session.paused));
    this.setControl(this.skipButton, t('play.skip'));
    // One fixed name, its state in aria-pressed: "Son", pressed or not.
    this.setControl(this.soundButton, t('play.soundOn'));
    this.soundButton.classList.toggle('off', prefs().muted);
    this.soundButton.setAttribute('aria-pressed', String(!prefs().muted));
    this.setControl(this.settingsButton, t('play.settings'));
    this.setControl(this.quitButton, t('play.quit'));
  }

  /** Practice pauses while the settings are open; a timed assessment keeps running. */
  private settings() {
    const pause = this.session.mode === 'practice' && this.session.shift.isOpen && !this.session.paused;
    if (pause) this.session.togglePause();
    openSettings(this.settingsButton, () => {
      if (pause && this.session.paused) this.session.togglePause();
      this.renderControls();
    });
  }

  /**
   * The debrief's chart in the hall's place, as page text that keeps its size on a phone
   * (the canvas drawing was scaled down to about 6 px there); the hall stops drawing.
   */
  showChart(state: DebriefState) {
    this.game?.destroy();
    this.game = undefined;
    this.root.classList.add('charted');
    this.root.querySelector('.debrief-chart')?.remove();
    (this.root.querySelector('.stage-wrap') as HTMLElement).append(debriefChart(state));
  }

  /** The debrief takes the right-hand column; the hall's stage gives way to its chart. */
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
    hush();
    document.removeEventListener('keydown', this.keys);
    this.onFinished();
  }

  private quit() {
    if (!confirm(t('play.quitConfirm'))) return;
    this.session.stop();
    stopAmbience();
    hush();
    document.removeEventListener('keydown', this.keys);
    this.onQuit();
  }

  /** Choice keys (1–9, 0, letters) choose an option from anywhere on the page (except while typing in a form). */
  private readonly keys = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    this.inputBy(false);
    // Alt + digit: a line key (Alt + 0, the counter), the switchboard's own keys.
    if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit\d$/.test(e.code) && this.switchboard && !this.tools.isOpen && this.session.shift.isOpen) {
      if (this.switchboard.press(Number(e.code.slice(5)))) e.preventDefault();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key.length === 1 && CHOICE_KEYS.includes(e.key.toLowerCase()) && this.session.shift.isOpen) {
      // A key held down repeats: one press, one choice.
      if (e.repeat) return e.preventDefault();
      // An open panel takes the keys it shows (the internal call's extensions); the choices behind it wait.
      if (this.tools.isOpen ? this.tools.choose(e.key) : this.dialogue.choose(e.key)) e.preventDefault();
    }
  };

  destroy() {
    this.session.stop();
    document.removeEventListener('keydown', this.keys);
    this.game?.destroy();
  }
}
