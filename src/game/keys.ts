/** Scene keys, registry keys and game events shared by launch.ts and the scenes. */
export const SCENE = { boot: 'boot', hall: 'hall' } as const;

/** The HallSource lives in the game registry so the hall can be restarted without re-wiring. */
export const REG_HALL_SOURCE = 'comptoir.hallSource';

/** The decoded decor sheet (art/sheet.ts), handed to the boot scene. */
export const REG_ART_SHEET = 'comptoir.artSheet';

/** Emitted on game.events when the boot scene has made the decor texture and started the hall. */
export const EVT_BOOT_DONE = 'comptoir.bootDone';

/** User Timing mark set on the hall's first drawn frame (read by npm run bench). */
export const MARK_HALL_FRAME = 'comptoir:hall-frame';
