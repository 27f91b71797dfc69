/** Scene keys, registry keys and game events shared by launch.ts and the scenes. */
export const SCENE = { boot: 'boot', hall: 'hall', debrief: 'debrief' } as const;

/** The HallSource lives in the game registry so the hall can be restarted without re-wiring. */
export const REG_HALL_SOURCE = 'comptoir.hallSource';

/** Emitted on game.events when the boot scene has generated every texture. */
export const EVT_BOOT_DONE = 'comptoir.bootDone';

/** User Timing mark set on the hall's first drawn frame (read by npm run bench). */
export const MARK_HALL_FRAME = 'comptoir:hall-frame';
