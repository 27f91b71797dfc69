import * as Phaser from 'phaser';
import { motionReduced } from '../../settings/prefs';
import { NameTag } from '../art/bubble';
import { drawHallDecor, type HallDecor } from '../art/hall-decor';
import { CHAIR_ASIDE_X, COLLEAGUE, COUNTER_TOP, DEPTH, DESK, DESK_OUT, H, LIFT_INSIDE, W, walkMs } from '../art/layout';
import { C, STAFF_LOOK } from '../art/palette';
import { Person } from '../art/person';
import { Receptionist } from '../art/receptionist';
import { ART_SHEET } from '../art/svg';
import type { HallSource, HallState } from '../hall-state';
import { MARK_HALL_FRAME, REG_HALL_SOURCE, SCENE } from '../keys';
import { VisitorCrowd } from './hall-visitors';

type DeskState = HallState['receptionist'];

/**
 * The reception hall seen from behind the counter. It only mirrors HallState:
 * every change arrives through the HallSource; tweens are for motion only.
 */
export class HallScene extends Phaser.Scene {
  private decor!: HallDecor;
  private desk!: Receptionist;
  private crowd!: VisitorCrowd;
  private colleague!: Person;
  private colleagueTag!: NameTag;
  private colleagueIn = false;
  private deskWanted: DeskState = { posture: 'seated', looking: 'screen' };
  private deskOut = false;
  private deskMove?: Phaser.Tweens.Tween;
  private dim!: Phaser.GameObjects.Container;
  /** The desk phone, shaken while it rings, and a tag over it naming the caller on the line. */
  private phone?: Phaser.GameObjects.Image;
  private phoneTag!: NameTag;
  private ringing?: Phaser.Tweens.Tween;
  private unsubscribe?: () => void;

  constructor() {
    super(SCENE.hall);
  }

  create(): void {
    // Scene instances are reused on restart: reset every field here, not in initialisers.
    this.colleagueIn = false;
    this.deskOut = false;
    this.deskMove = undefined;
    this.deskWanted = { posture: 'seated', looking: 'screen' };

    this.decor = drawHallDecor(this);
    this.desk = new Receptionist(this, DESK.x, DESK.y).setScale(DESK.s).setDepth(DEPTH.desk);
    this.crowd = new VisitorCrowd(this, (open) => this.decor.setLiftOpen(open));
    this.colleague = new Person(this, STAFF_LOOK, false, false, true);
    this.colleague.setPosition(LIFT_INSIDE.x, LIFT_INSIDE.y).setScale(LIFT_INSIDE.s).setAlpha(0);
    this.colleague.setExpression('smiling');
    this.colleagueTag = new NameTag(this, DEPTH.labels, C.tealLight);
    this.phone = this.children.list.find((o): o is Phaser.GameObjects.Image => o instanceof Phaser.GameObjects.Image && o.frame.name === 'phone');
    this.phoneTag = new NameTag(this, DEPTH.labels, C.tealLight);
    this.ringing = undefined;

    const veil = this.add.rectangle(0, 0, W, H, C.ink, 0.38).setOrigin(0, 0);
    const glyph = this.add.image(W / 2, H / 2 - 40, ART_SHEET, 'pauseGlyph');
    this.dim = this.add.container(0, 0, [veil, glyph]).setDepth(DEPTH.pause).setVisible(false);

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.RENDER, () => performance.mark(MARK_HALL_FRAME));
    const source = this.registry.get(REG_HALL_SOURCE) as HallSource | undefined;
    if (source) {
      this.apply(source.get(), true);
      this.unsubscribe = source.subscribe((s) => this.apply(s));
    }
  }

  override update(): void {
    this.crowd.follow();
    // Out in the hall she is beyond the counter, so the counter must hide her legs.
    const d = this.desk;
    d.setDepth(d.y < COUNTER_TOP + 40 ? DEPTH.people + d.y / 100 : DEPTH.desk);
    const c = this.colleague;
    c.setDepth(DEPTH.people + c.y / 100);
    this.colleagueTag.setPosition(Math.round(c.x), Math.round(c.y + 22)).setAlpha(c.alpha);
  }

  private apply(state: HallState, instant = false): void {
    this.decor.setClock(state.clock);
    this.decor.setVenue(state.venue);
    this.applyDesk(state.receptionist, instant);
    this.crowd.sync(state.visitors, instant);
    this.applyColleague(state.colleague, instant);
    this.applyPhone(state.phone);
    this.applyPause(state.paused);
  }

  /** 'walking' = the receptionist leaves the desk toward the entrance; any other posture brings her back. */
  private applyDesk(next: DeskState, instant: boolean): void {
    this.deskWanted = { ...next };
    const wantOut = next.posture === 'walking';
    if (instant && wantOut) {
      this.deskOut = true;
      this.desk.setPosition(DESK_OUT.x, DESK_OUT.y).setScale(DESK_OUT.s);
    }
    if (wantOut !== this.deskOut) {
      this.deskOut = wantOut;
      this.moveDesk(wantOut ? DESK_OUT : DESK);
    } else if (!this.deskMove) {
      this.desk.set(this.deskOut ? 'standing' : next.posture, next.looking);
      this.placeOfficeChair();
    }
  }

  private moveDesk(to: typeof DESK): void {
    this.deskMove?.remove();
    this.desk.set('walking', this.deskWanted.looking);
    this.desk.animateLegs(true);
    this.placeOfficeChair(true);
    this.deskMove = this.tweens.add({
      targets: this.desk,
      x: to.x,
      y: to.y,
      scale: to.s,
      duration: walkMs(this.desk.x, this.desk.y, to.x, to.y) * 0.8,
      ease: 'Sine.easeInOut',
      onComplete: () => {
        this.deskMove = undefined;
        this.desk.animateLegs(false);
        const w = this.deskWanted;
        this.desk.set(this.deskOut ? 'standing' : w.posture, w.looking);
        this.placeOfficeChair();
      },
    });
  }

  /** The chair is tucked in only while she sits at the desk; otherwise it rolls aside. */
  private placeOfficeChair(forceAside = false): void {
    const seated = !forceAside && !this.deskOut && this.deskWanted.posture === 'seated';
    const x = seated ? DESK.x : CHAIR_ASIDE_X;
    const chair = this.decor.officeChair;
    if (chair.x === x) return;
    this.tweens.killTweensOf(chair);
    this.tweens.add({ targets: chair, x, duration: 350, ease: 'Sine.easeOut' });
  }

  private applyColleague(next: HallState['colleague'], instant: boolean): void {
    this.colleagueTag.setLabel(next.label);
    if (next.present === this.colleagueIn) return;
    this.colleagueIn = next.present;
    const c = this.colleague;
    if (instant) {
      c.setPosition(COLLEAGUE.x, COLLEAGUE.y).setScale(COLLEAGUE.s).setAlpha(1);
      return;
    }
    this.tweens.killTweensOf(c);
    this.decor.setLiftOpen(true);
    const to = next.present ? COLLEAGUE : LIFT_INSIDE;
    if (next.present) {
      c.setPosition(LIFT_INSIDE.x, LIFT_INSIDE.y).setScale(LIFT_INSIDE.s);
      this.tweens.add({ targets: c, alpha: 1, duration: 400, delay: 300 });
    }
    c.setWalking(true);
    this.tweens.add({
      targets: c,
      x: to.x,
      y: to.y,
      scale: to.s,
      delay: next.present ? 500 : 0,
      duration: walkMs(c.x, c.y, to.x, to.y) + 300,
      onComplete: () => {
        c.setWalking(false);
        if (!next.present) this.tweens.add({ targets: c, alpha: 0, duration: 300 });
        this.decor.setLiftOpen(false);
      },
    });
  }

  /** A ringing phone shakes (or, with reduced motion, only shows its tag); a call in progress names the caller. */
  private applyPhone(next: HallState['phone']): void {
    const phone = this.phone;
    if (!phone) return;
    this.phoneTag.setLabel(next.ringing && !next.onCall ? '☎ …' : next.onCall ? `☎ ${next.label}` : '');
    this.phoneTag.setPosition(phone.x, phone.y - phone.displayHeight - 24);
    if (next.ringing && !this.ringing && !motionReduced()) {
      this.ringing = this.tweens.add({ targets: phone, angle: { from: -6, to: 6 }, duration: 70, yoyo: true, repeat: -1, repeatDelay: 0 });
    } else if (!next.ringing && this.ringing) {
      this.ringing.remove();
      this.ringing = undefined;
      phone.setAngle(0);
    }
  }

  private applyPause(paused: boolean): void {
    if (paused === this.dim.visible) return;
    this.dim.setVisible(paused);
    // Freeze every animation so a paused hall really looks still.
    if (paused) this.tweens.pauseAll();
    else this.tweens.resumeAll();
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.crowd.clear();
    this.ringing?.remove();
    this.ringing = undefined;
    this.tweens.resumeAll();
  }
}
