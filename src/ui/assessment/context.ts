import type { Catalog } from '../../core/load/catalog';
import type { HallSource } from '../../game/hall-state';
import type { GameHandle } from '../../game/launch';

/** What the assessment and teacher screens need from the app shell (main.ts). */
export interface PlatformContext {
  app: HTMLElement;
  catalog: Catalog;
  /** Clock speed (test hook `?speed=`). */
  speed: number;
  mountGame(stage: HTMLElement, source: HallSource): Promise<GameHandle>;
  destroyGame(): void;
  menu(): void;
}

/** Version of the game, written into every run and results file. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** The locked session, kept while an attempt runs so a reload without the link stays in it. */
const LOCK = 'comptoir.session';
export const lock = {
  get: () => localStorage.getItem(LOCK) ?? undefined,
  set: (token: string) => localStorage.setItem(LOCK, token),
  release: () => localStorage.removeItem(LOCK),
};
