import { replay, resultOf, type ShiftResult } from '../../core/result';
import { resultsFile, runRecord } from '../../core/run/attempt';
import { overallLevels, situationScore } from '../../core/run/grade';
import { scenarioHash } from '../../core/run/hash';
import type { ResultsFile, RunStatus } from '../../core/run/results-file';
import type { SessionDef } from '../../core/run/session-def';
import { overallSeconds, scenarioSeconds } from '../../core/run/session-time';
import type { Scenario } from '../../core/schema/scenario';
import { DESK } from '../../core/shift/shift';
import { t } from '../../i18n';
import type { Lms } from '../../platform/scorm';
import { type Attempt, type LiveRun, store } from '../../platform/store';
import { PlayScreen } from '../play-screen';
import { Session } from '../session';
import { APP_VERSION, lock, type PlatformContext } from './context';
import { Countdown } from './countdown';
import { betweenScreen, endScreen } from './screens';
import { packAttempt } from './suspend';

/**
 * Runs one attempt at a session: the scenarios in order, each with its countdown,
 * every act written to IndexedDB (and the LMS) as it happens, so a reload resumes
 * the same attempt with the clock where it was; time while the page was closed counts.
 */
export class AttemptRunner {
  private timer?: ReturnType<typeof setInterval>;
  private screen?: PlayScreen;
  private session?: Session;
  private ending = false;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly def: SessionDef,
    private readonly attempt: Attempt,
    private readonly lms?: Lms,
  ) {}

  /** Shift seconds of the session's clock left, by the wall clock (closed tabs included). */
  private overallLeft(now = Date.now()) {
    return overallSeconds(this.def) - ((now - this.attempt.startedAt) / 1000) * this.ctx.speed;
  }

  private save() {
    if (this.lms) this.lms.set('cmi.suspend_data', packAttempt(this.attempt));
    return store.saveAttempt(this.attempt);
  }

  async next() {
    const live = this.attempt.live;
    const index = live?.index ?? this.attempt.runs.length;
    if (index >= this.def.scenarios.length) return this.finishAttempt('complete');
    if (this.overallLeft() <= 0 && !live?.openedAt) return this.finishAttempt('overall-timeout');
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
      // The same acts at the same seconds, then the clock on to where the wall clock says.
      for (const a of run.actions.filter((x) => x.contact === DESK)) session.shift.prepare(a.option);
      session.shift.openDesk();
      for (const a of run.actions.filter((x) => x.contact !== DESK)) {
        session.shift.advance(a.t - session.shift.now);
        session.shift.act(a.contact, a.option, a.input);
      }
      const target = Math.min(limit, Math.floor(((Date.now() - run.openedAt!) / 1000) * this.ctx.speed));
      if (target > session.shift.now) session.shift.advance(target - session.shift.now);
    }
    await this.save();
    if (session.finished) return this.endRun(resultOf(session.shift), session.shift.now >= limit ? 'timeout' : 'complete');

    const countdown = new Countdown();
    const screen = new PlayScreen(
      session,
      () => this.endRun(resultOf(session.shift), session.shift.now >= limit ? 'timeout' : 'complete'),
      () => this.cut('abandoned'),
    );
    this.screen = screen;
    screen.root.querySelector('.status-bar')?.append(countdown.root);
    screen.root.classList.add('in-session');
    const scenarioLeft = () => limit - session.shift.now;
    session.onChange(() => {
      if (run.openedAt === undefined && session.shift.isOpen) {
        run.openedAt = Date.now() - (session.shift.now * 1000) / this.ctx.speed;
        countdown.announceStart(scenarioLeft(), this.overallLeft());
      }
      if (session.shift.actions.length !== run.actions.length) {
        run.actions = session.shift.actions.map((a) => ({ ...a }));
        this.save();
      }
    });
    this.timer = setInterval(() => {
      const overall = this.overallLeft();
      countdown.update(scenarioLeft(), overall);
      if (overall <= 0 && !this.ending) this.cut('overall-timeout');
    }, 250);
    countdown.update(scenarioLeft(), this.overallLeft());
    this.ctx.app.replaceChildren(screen.root);
    if (resumed) {
      screen.resumePlaying();
      countdown.say(t('assess.resumed'));
    } else screen.begin();
    screen.attachGame(await this.ctx.mountGame(screen.stage, screen));
  }

  /** Overall time-up or Quit: the contact stops here and is scored as it stands. */
  private cut(status: 'abandoned' | 'overall-timeout') {
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
    this.session?.stop();
    this.screen?.destroy();
    this.ctx.destroyGame();
    const live = this.attempt.live!;
    const scenario = this.ctx.catalog.scenarios.find((s) => s.id === this.def.scenarios[live.index].id)!;
    const record = runRecord(result, result, {
      app: APP_VERSION,
      scenarioHash: scenarioHash(scenario),
      timeLimit: live.timeLimit,
      status,
      startedAt: new Date(live.openedAt ?? Date.now()).toISOString(),
    });
    this.attempt.runs.push(record);
    this.attempt.live = undefined;
    await this.save();
    store.addHistory({
      at: record.startedAt,
      scenario: record.scenario,
      mode: 'session',
      levels: record.levels,
      satisfaction: record.satisfaction,
      session: this.def.name,
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
    });
    this.attempt.status = status;
    this.attempt.file = file;
    this.attempt.live = undefined;
    const saved = await store.saveAttempt(this.attempt);
    lock.release();
    if (this.lms) {
      this.lms.complete(file.score.percent, file.score.passed, overallLevels(file.runs.map((r) => r.levels)));
      this.lms.finish();
    }
    endScreen(this.ctx, { def: this.def, file, stored: saved !== undefined });
  }
}
