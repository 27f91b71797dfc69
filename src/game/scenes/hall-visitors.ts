import type * as Phaser from 'phaser';
import { motionReduced } from '../../settings/prefs';
import { NameTag, SpeechBubble } from '../art/bubble';
import { CHAIRS, COUNTER_SPOTS, COUNTER_TOP, DEPTH, DOOR, LIFT_INSIDE, type Spot, WAITING_EXTRA, walkMs } from '../art/layout';
import { C, lookFor } from '../art/palette';
import { Person } from '../art/person';
import type { HallVisitor } from '../hall-state';

interface Target extends Spot {
  sit: boolean;
}

interface View {
  id: string;
  person: Person;
  tag: NameTag;
  bubble: SpeechBubble;
  wheelchair: boolean;
  target: Target | null;
  move?: Phaser.Tweens.Tween;
  leaving: boolean;
}

/** Under this patience the figure shows impatience (see HallVisitor.patience). */
const IMPATIENT_BELOW = 30;
/** The visitor who is speaking is drawn this much bigger, so the eye goes to them. */
const SPEAKING_SCALE = 1.18;

/**
 * Keeps one figure per visitor in step with the latest HallState: it only chooses
 * where to draw people (spots → screen positions) and animates the way there.
 */
export class VisitorCrowd {
  private readonly views = new Map<string, View>();
  /** Waiting-chair index per visitor, kept stable so nobody swaps seats. */
  private readonly chairOf = new Map<string, number>();

  constructor(
    private readonly scene: Phaser.Scene,
    /** Opens or closes the lift doors for a visitor who goes up. */
    private readonly liftDoors: (open: boolean) => void = () => {},
  ) {}

  /** `instant`: first state after (re)start — put people where they are instead of parading in. */
  sync(list: readonly HallVisitor[], instant = false): void {
    const byId = new Map(list.map((v) => [v.id, v]));
    for (const id of [...this.chairOf.keys()]) if (byId.get(id)?.spot !== 'waiting') this.chairOf.delete(id);

    const counter = list.filter((v) => v.spot === 'counter').map((v) => v.id);
    const door = list.filter((v) => v.spot === 'door').map((v) => v.id);
    const extras = list.filter((v) => v.spot === 'waiting' && this.needsExtraSpot(v)).map((v) => v.id);

    for (const v of list) {
      let view = this.views.get(v.id);
      if (v.spot === 'gone' || v.spot === 'lift') {
        if (view && !view.leaving) {
          view.person.setExpression(v.expression);
          view.person.setAngry(v.pose === 'leaveAngry');
          view.person.setGesture('none');
          view.bubble.say(v.speech);
          this.leave(view, v.pose === 'lift' ? 'lift' : v.pose === 'leaveAngry' ? 'storm' : 'door');
        }
        continue;
      }
      if (view?.leaving) {
        this.destroyView(view);
        view = undefined;
      }
      const fresh = !view;
      view ??= this.spawn(v);
      const p = view.person;
      p.setExpression(v.expression);
      p.setImpatient(v.patience < IMPATIENT_BELOW);
      p.setAngry(v.expression === 'angry' || v.expression === 'furious');
      p.setStance(v.stance);
      p.setGesture(v.checksWatch ? 'watch' : v.pose === 'approach' && !v.speaking ? 'wave' : 'none');
      view.tag.setLabel(v.label);
      view.bubble.say(v.speech);

      const base = this.targetFor(v, view.wheelchair, counter, door, extras);
      const target = { ...base, s: base.s * (v.speaking ? SPEAKING_SCALE : 1) };
      const t = view.target;
      if (fresh && instant) {
        view.target = target;
        p.setPosition(target.x, target.y)
          .setScale(target.s)
          .setPose(target.sit ? 'sit' : 'stand');
      } else if (!t || t.x !== target.x || t.y !== target.y || t.sit !== target.sit) this.walk(view, target);
      else if (t.s !== target.s) this.grow(view, target);
    }
    for (const view of this.views.values()) if (!byId.has(view.id) && !view.leaving) this.leave(view);
  }

  /** Per frame: depth by distance, bubbles and name tags follow their figure. */
  follow(): void {
    const placed: { l: number; r: number; y: number }[] = [];
    const views = [...this.views.values()].sort((a, b) => a.person.x - b.person.x);
    for (const { person: p, tag, bubble } of views) {
      p.setDepth(DEPTH.people + p.y / 100);
      // Right of the hall, lean left (over the lift); near the door, lean right.
      bubble.place(p.x, p.y + p.headTop() * p.scale - 4, p.x > 500 ? 'left' : 'right');
      // At the counter the feet are hidden: the tag rests on the counter instead.
      const x = Math.round(p.x);
      let y = Math.round(Math.min(p.y + 22, COUNTER_TOP + 42));
      // Neighbours on the waiting chairs: drop a colliding tag one row so both stay readable.
      const half = tag.pillWidth / 2 + 4;
      for (let n = 0; n < 3 && placed.some((o) => Math.abs(o.y - y) < 34 && o.l < x + half && x - half < o.r); n++) y += 36;
      placed.push({ l: x - half, r: x + half, y });
      tag.setPosition(x, y);
      tag.setAlpha(p.alpha);
    }
  }

  clear(): void {
    for (const view of [...this.views.values()]) this.destroyView(view);
    this.chairOf.clear();
  }

  private needsExtraSpot(v: HallVisitor): boolean {
    return v.traits.includes('wheelchair');
  }

  private targetFor(v: HallVisitor, wheelchair: boolean, counter: string[], door: string[], extras: string[]): Target {
    if (v.spot === 'counter') {
      const i = counter.indexOf(v.id);
      const base = COUNTER_SPOTS[Math.min(i, COUNTER_SPOTS.length - 1)]!;
      const over = Math.max(0, i - (COUNTER_SPOTS.length - 1));
      return { x: base.x + over * 60, y: base.y - over * 10, s: base.s, sit: wheelchair };
    }
    if (v.spot === 'waiting') {
      if (!wheelchair) {
        let chair = this.chairOf.get(v.id);
        if (chair === undefined) {
          const used = new Set(this.chairOf.values());
          chair = CHAIRS.findIndex((_, i) => !used.has(i));
          if (chair >= 0) this.chairOf.set(v.id, chair);
        }
        if (chair >= 0) return { ...CHAIRS[chair]!, sit: true };
      }
      const i = Math.max(0, extras.indexOf(v.id));
      return { x: WAITING_EXTRA.x - i * 90, y: WAITING_EXTRA.y + i * 4, s: WAITING_EXTRA.s, sit: wheelchair };
    }
    const i = Math.max(0, door.indexOf(v.id));
    return { x: DOOR.x + i * 70, y: DOOR.y + i * 8, s: DOOR.s, sit: wheelchair };
  }

  private spawn(v: HallVisitor): View {
    const wheelchair = v.traits.includes('wheelchair');
    const cane = v.traits.includes('elderly') && !wheelchair;
    const person = new Person(this.scene, lookFor(v.look, v.traits, v.gender), wheelchair, cane);
    person.setPosition(DOOR.x, DOOR.y).setScale(DOOR.s).setAlpha(0);
    this.scene.tweens.add({ targets: person, alpha: 1, duration: 350 });
    const view: View = {
      id: v.id,
      person,
      tag: new NameTag(this.scene, DEPTH.labels, C.coral, wheelchair),
      bubble: new SpeechBubble(this.scene, DEPTH.bubbles),
      wheelchair,
      target: null,
      leaving: false,
    };
    this.views.set(v.id, view);
    return view;
  }

  /** Speaking or falling silent: only the size changes, in place. */
  private grow(view: View, target: Target): void {
    view.target = target;
    if (view.move?.isPlaying()) return; // the walk's own tween will not reach the new size: fixed on arrival
    this.scene.tweens.killTweensOf(view.person);
    if (motionReduced()) view.person.setScale(target.s);
    else this.scene.tweens.add({ targets: view.person, scale: target.s, duration: 250, ease: 'Sine.easeOut' });
  }

  /** `pace` < 1 walks faster (storming out). With reduced motion people are simply placed. */
  private walk(view: View, target: Target, then?: () => void, pace = 1): void {
    view.move?.remove();
    view.target = target;
    const p = view.person;
    p.setPose('stand');
    if (motionReduced()) {
      p.setPosition(target.x, target.y).setScale(target.s);
      p.setPose(target.sit ? 'sit' : 'stand');
      view.move = undefined;
      this.scene.time.delayedCall(0, () => then?.());
      return;
    }
    p.setWalking(true);
    view.move = this.scene.tweens.add({
      targets: p,
      x: target.x,
      y: target.y,
      scale: target.s,
      duration: walkMs(p.x, p.y, target.x, target.y) * pace,
      ease: 'Sine.easeInOut',
      onComplete: () => {
        p.setWalking(false);
        p.setPose(target.sit ? 'sit' : 'stand');
        if (view.target && p.scale !== view.target.s) p.setScale(view.target.s);
        then?.();
      },
    });
  }

  /** Out through the door, storming out (faster), or into the lift to the person they came to see. */
  private leave(view: View, way: 'door' | 'storm' | 'lift' = 'door'): void {
    view.leaving = true;
    const to = way === 'lift' ? LIFT_INSIDE : DOOR;
    const fade = () =>
      this.scene.tweens.add({
        targets: view.person,
        alpha: 0,
        duration: motionReduced() ? 0 : 400,
        onComplete: () => {
          if (way === 'lift') this.liftDoors(false);
          this.destroyView(view);
        },
      });
    if (way === 'lift') this.liftDoors(true);
    this.walk(view, { ...to, sit: view.wheelchair }, fade, way === 'storm' ? 0.6 : 1);
  }

  private destroyView(view: View): void {
    view.move?.remove();
    this.scene.tweens.killTweensOf([view.person, view.bubble]);
    view.person.destroy();
    view.tag.destroy();
    view.bubble.destroy();
    if (this.views.get(view.id) === view) this.views.delete(view.id);
  }
}
