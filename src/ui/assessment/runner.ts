import './assessment.css';
import { replay, resultOf, type ShiftResult } from '../../core/result';
import { resultsFile, runRecord } from '../../core/run/attempt';
import { overallLevels, situationScore } from '../../core/run/grade';
import { scenarioHash } from '../../core/run/hash';
import type { ResultsFile, RunStatus } from '../../core/run/results-file';
import type { SessionDef } from '../../core/run/session-def';
import { overallElapsed, overallSeconds, resumedElapsed, scenarioSeconds, wallMovedBack } from '../../core/run/session-time';
import type { Scenario } from '../../core/schema/scenario';
import { DESK } from '../../core/shift/shift';
import { t } from '../../i18n';
import { decisionInteractions, type Lms } from '../../platform/scorm';
import { type Attempt, type LiveRun, store } from '../../platform/store';
import { PlayScreen } from '../play-screen';
import { Session } from '../session';
import { APP_VERSION, clockStamp, finishedMarks, lock, type PlatformContext } from './context';
import { Countdown } from './countdown';
import { betweenScreen, endScreen, storageWarning } from './screens';
import { packAttempt } from './suspend';
import { releaseTab } from './tab-lock';

/** The open desk's clock is written this often (monotonic ms), so a reload gives back little. */
const CLOCK_SAVE_MS = 2000;
/** A results file keeps this many moves of the wall clock at most (suspend data is small). */
const MAX_MOVES = 5;

/**
 * Runs one attempt at a session: the scenarios in order, each with its countdown,
 * every act written to IndexedDB (and the LMS) as it happens, so a reload resumes
 * the same attempt with the clock where it was. The clock is the shift's: it runs on
 * the monotonic clock while the page lives and only while a desk is open; across a
 * reload it adds what the wall clock says passed since the last save, never less than 0.
 */
export class AttemptRunner {
  private timer?: ReturnType<typeof setInterval>;
  private screen?: PlayScreen;
  private session?: Session;
  private ending = false;
  private savedMono = 0;
  private stopStamp: () => void = () => undefined;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly def: SessionDef,
    private readonly attempt: Attempt,
    private readonly lms?: Lms,
  ) {}

  /** Shift seconds of the session left: finished scenarios and the open desk's time. */
  private overallLeft() {
    return overallSeconds(this.def) - overallElapsed(this.attempt.runs, this.session?.shift.now ?? 0);
  }

  private save() {
    const live = this.attempt.live;
    if (live && this.session?.shift.isOpen) {
      live.elapsed = this.session.shift.now;
      live.savedAt = Date.now();
    }
    this.savedMono = performance.now();
    this.lms?.suspend(packAttempt(this.attempt));
    return store.saveAttempt(this.attempt);
  }

  /** The wall clock went back: kept for the results file (the teacher's import flags it). */
  private clockMovedBack(seconds: number) {
    const moves = (this.attempt.clock ??= { movedBack: [] }).movedBack;
    if (moves.length < MAX_MOVES) moves.push({ at: new Date().toISOString(), seconds });
    else moves[MAX_MOVES - 1].seconds += seconds;
    this.save();
  }

  async next() {
    const live = this.attempt.live;
    const index = live?.index ?? this.attempt.runs.length;
    if (index >= this.def.scenarios.length) return this.finishAttempt('complete');
    if (this.overallLeft() <= 0 && live?.openedAt === undefined) return this.finishAttempt('overall-timeout');
    const scenario = this.ctx.catalog.scenarios.find((s) => s.id === this.def.scenarios[index].id);
    if (!scenario) throw new Error(`scenario "${this.def.scenarios[index].id}" is not in this version of the game`);
    await this.play(index, scenario, live);
  }

  private async play(index: number, scenario: Scenario, live?: LiveRun) {
    const rubric = this.ctx.catalog.rubrics.get(scenario.rubric)!;
    const limit = live?.timeLimit ?? Math.max(1, Math.min(scenarioSeconds(this.def, index), Math.floor(this.overallLeft())));
    const played = { ...scenario, timeLimit: limit };
    const session = new Session(played, rubric, this.def.seed, 'timed', this.ctx.speed);
    session.hints = this.def.hints;
    this.session = session;
    const run: LiveRun = live?.openedAt !== undefined ? live : { index, timeLimit: limit, actions: [] };
    this.attempt.live = run;
    const resumed = run.openedAt !== undefined;
    if (resumed) {
      // The same acts at the same seconds, then the clock on from the last save, never back.
      for (const a of run.actions.filter((x) => x.contact === DESK)) session.shift.prepare(a.option);
      session.shift.openDesk();
      for (const a of run.actions.filter((x) => x.contact !== DESK)) {
        session.shift.advance(a.t - session.shift.now);
        session.shift.act(a.contact, a.option, a.input);
      }
      const saved = { elapsed: run.elapsed ?? 0, savedAt: run.savedAt ?? run.openedAt! };
      const stamp = clockStamp.get(this.attempt.key, index);
      const { elapsed, movedBack } = resumedElapsed(stamp && stamp.elapsed > saved.elapsed ? stamp : saved, Date.now(), this.ctx.speed);
      const target = Math.min(limit, elapsed);
      if (target > session.shift.now) session.shift.advance(target - session.shift.now);
      if (movedBack) this.clockMovedBack(movedBack);
    }
    await this.save();
    // Time-up at a limit the session's total set (less than the scenario's own) ends the attempt.
    const status = (): RunStatus => (session.shift.now < limit ? 'complete' : limit < scenarioSeconds(this.def, index) ? 'overall-timeout' : 'timeout');
    if (session.finished) return this.endRun(resultOf(session.shift), status());

    const countdown = new Countdown();
    const screen = new PlayScreen(
      session,
      () => this.endRun(resultOf(session.shift), status()),
      () => this.cut('abandoned'),
    );
    this.screen = screen;
    const bar = screen.root.querySelector('.status-bar');
    bar?.append(countdown.root, storageWarning());
    screen.root.classList.add('in-session');
    const scenarioLeft = () => limit - session.shift.now;
    session.onChange(() => {
      if (run.openedAt === undefined && session.shift.isOpen) {
        run.openedAt = Date.now() - (session.shift.now * 1000) / this.ctx.speed;
        countdown.announceStart(scenarioLeft(), this.overallLeft());
        this.save();
      }
      if (session.shift.actions.length !== run.actions.length) {
        run.actions = session.shift.actions.map((a) => ({ ...a }));
        this.save();
      }
    });
    const stamp = () => {
      if (session.shift.isOpen && !this.ending) clockStamp.set({ key: this.attempt.key, index, elapsed: session.shift.now, savedAt: Date.now() });
    };
    addEventListener('pagehide', stamp);
    let seen = { wall: Date.now(), mono: performance.now() };
    this.timer = setInterval(() => {
      const now = { wall: Date.now(), mono: performance.now() };
      const back = wallMovedBack(seen, now);
      seen = now;
      if (back) this.clockMovedBack(back);
      else if (session.shift.isOpen && !session.finished && now.mono - this.savedMono >= CLOCK_SAVE_MS) this.save();
      stamp();
      countdown.update(scenarioLeft(), this.overallLeft());
    }, 250);
    this.stopStamp = () => {
      removeEventListener('pagehide', stamp);
      clockStamp.clear();
    };
    countdown.update(scenarioLeft(), this.overallLeft());
    this.ctx.app.replaceChildren(screen.root);
    if (resumed) {
      screen.resumePlaying();
      countdown.say(t('assess.resumed'));
    } else screen.begin();
    screen.attachGame(await this.ctx.mountGame(screen.stage, screen));
  }

  /** Quit: the contact stops here and is scored as it stands. */
  private cut(status: 'abandoned') {
    const session = this.session;
    if (!session || this.ending) return;
    session.stop();
    // The limit becomes this second (one more if an act was made in it, so that act still counts).
    const last = session.shift.actions.at(-1);
    const at = session.shift.now + (last && last.contact !== DESK && last.t === session.shift.now ? 1 : 0);
    const played = { ...session.scenario, timeLimit: at };
    const shift = replay(played, session.rubric, { ...session.run(), end: at });
    this.attempt.live!.timeLimit = at;
    this.endRun(resultOf(shift), status);
  }

  private async endRun(result: ShiftResult, status: RunStatus) {
    if (this.ending) return;
    this.ending = true;
    clearInterval(this.timer);
    this.stopStamp();
    this.session?.stop();
    this.screen?.destroy();
    this.ctx.destroyGame();
    const live = this.attempt.live!;
    const scenario = this.ctx.catalog.scenarios.find((s) => s.id === this.def.scenarios[live.index].id)!;
    const openedAt = live.openedAt ?? Date.now();
    const record = runRecord(result, result, {
      app: APP_VERSION,
      scenarioHash: scenarioHash(scenario),
      timeLimit: live.timeLimit,
      status,
      startedAt: new Date(openedAt).toISOString(),
    });
    this.attempt.runs.push(record);
    this.attempt.live = undefined;
    this.session = undefined;
    // Before the commit that carries this run in the suspend data: both reach the LMS together.
    this.lms?.interactions(decisionInteractions(record.scenario, result, (s) => new Date(openedAt + (s * 1000) / this.ctx.speed)));
    await this.save();
    store.addHistory({
      at: record.startedAt,
      scenario: record.scenario,
      mode: 'session',
      levels: record.levels,
      satisfaction: record.satisfaction,
      session: this.def.name,
      ...(record.failed === undefined ? {} : { failed: record.failed }),
    });
    this.lms?.progress(situationScore(this.attempt.runs, this.def.threshold).percent, packAttempt(this.attempt));
    this.ending = false;
    if (status === 'abandoned' || status === 'overall-timeout') return this.finishAttempt(status);
    const last = this.attempt.runs.length >= this.def.scenarios.length;
    betweenScreen(this.ctx.app, { def: this.def, record, scenario, rubric: this.ctx.catalog.rubrics.get(scenario.rubric)!, last }, () => this.next());
  }

  private async finishAttempt(status: ResultsFile['status']) {
    const file = resultsFile(this.def, this.attempt.token, {
      app: APP_VERSION,
      student: this.attempt.student,
      attempt: this.attempt.attempt,
      startedAt: new Date(this.attempt.startedAt).toISOString(),
      endedAt: new Date().toISOString(),
      status,
      runs: this.attempt.runs,
      clock: this.attempt.clock,
    });
    this.attempt.status = status;
    this.attempt.file = file;
    this.attempt.live = undefined;
    const saved = await store.saveAttempt(this.attempt);
    if (saved === undefined) {
      // The store keeps an older, in-progress copy: a reload must never resume it. A small
      // mark says it is over (and keeps its number); the stale copy goes (a delete needs no quota).
      finishedMarks.set(this.attempt, status);
      await store.deleteAttempt(this.attempt.key);
    }
    lock.release();
    releaseTab();
    if (this.lms) {
      this.lms.complete(file.score.percent, file.score.passed, overallLevels(file.runs.map((r) => r.levels)));
      this.lms.finish();
    }
    endScreen(this.ctx, { def: this.def, file, stored: saved !== undefined });
  }
}
