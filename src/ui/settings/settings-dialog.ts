import { audioAvailable } from '../../audio/sound';
import { onVoicesChanged, voiceSupport } from '../../audio/voice';
import { t } from '../../i18n';
import { type Prefs, prefs, setPrefs, systemReducedMotion, TEXT_SCALES } from '../../settings/prefs';
import { clear, h } from '../dom';

/** Languages visitors may speak (see the scenario schema). */
const VISITOR_LANGS = ['fr', 'en', 'es', 'de'] as const;

function check(id: string, key: 'highContrast' | 'reducedMotion' | 'muted' | 'voices', label: string, help?: string) {
  const input = h('input', { type: 'checkbox', id, checked: prefs()[key], 'aria-describedby': help ? `${id}-help` : undefined });
  input.addEventListener('change', () => setPrefs({ [key]: input.checked }));
  return h(
    'div',
    { class: 'setting' },
    h('p', { class: 'field inline' }, input, h('label', { for: id }, label)),
    help ? h('p', { class: 'help', id: `${id}-help` }, help) : null,
  );
}

function slider(key: 'master' | 'effects' | 'ambience') {
  const id = `volume-${key}`;
  const out = h('output', { for: id, id: `${id}-value` }, `${prefs()[key]} %`);
  const input = h('input', { type: 'range', id, min: 0, max: 100, step: 5, value: prefs()[key] });
  input.addEventListener('input', () => {
    out.textContent = `${input.value} %`;
    setPrefs({ [key]: Number(input.value) } as Partial<Prefs>);
  });
  return h('p', { class: 'field slider' }, h('label', { for: id }, t(`settings.${key}`)), h('span', { class: 'slider-row' }, input, out));
}

function voiceStatus(): string {
  const support = voiceSupport(VISITOR_LANGS);
  const parts = VISITOR_LANGS.map((l) => `${t(`settings.lang.${l}`)} ${support[l] ? t('settings.voiceYes') : t('settings.voiceNo')}`);
  return Object.values(support).some(Boolean) ? t('settings.voicesSome', { list: parts.join(', ') }) : t('settings.voicesNone');
}

function body(): HTMLElement[] {
  const size = h('select', { id: 'text-size' }, ...TEXT_SCALES.map((s) => h('option', { value: s, selected: prefs().textScale === s }, `${s} %`)));
  size.addEventListener('change', () => setPrefs({ textScale: Number(size.value) as Prefs['textScale'] }));
  const voiceNote = h('p', { class: 'help', id: 'voices-status', role: 'status' }, voiceStatus());
  onVoicesChanged(() => (voiceNote.textContent = voiceStatus()));
  return [
    h(
      'fieldset',
      {},
      h('legend', {}, t('settings.display')),
      h('p', { class: 'field inline' }, h('label', { for: 'text-size' }, t('settings.textSize')), size),
      check('high-contrast', 'highContrast', t('settings.highContrast')),
      check('reduced-motion', 'reducedMotion', t('settings.reducedMotion'), systemReducedMotion() ? t('settings.systemMotion') : undefined),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('settings.sound')),
      check('muted', 'muted', t('settings.mute'), audioAvailable() ? undefined : t('settings.noAudio')),
      slider('master'),
      slider('effects'),
      slider('ambience'),
    ),
    h('fieldset', {}, h('legend', {}, t('settings.voicesTitle')), check('voices', 'voices', t('settings.voices'), t('settings.captions')), voiceNote),
  ];
}

let dialog: HTMLDialogElement | undefined;

/**
 * The settings as a modal <dialog>: the browser keeps focus inside, Escape closes
 * it, and focus goes back to the button that opened it. Every change applies at
 * once and is remembered.
 */
export function openSettings(opener?: HTMLElement, onClose?: () => void) {
  dialog?.remove();
  const form = h('form', { method: 'dialog', class: 'settings-form' });
  const d = h(
    'dialog',
    { class: 'settings-dialog', id: 'settings', 'aria-labelledby': 'settings-title' },
    h(
      'header',
      {},
      h('h2', { id: 'settings-title' }, t('settings.title')),
      h('button', { type: 'button', class: 'close', id: 'close-settings', 'aria-label': t('settings.close'), onclick: () => d.close() }, '×'),
    ),
    form,
  );
  clear(form, ...body(), h('button', { type: 'submit', class: 'primary', id: 'settings-done' }, t('settings.done')));
  d.addEventListener('close', () => {
    d.remove();
    if (dialog === d) dialog = undefined;
    opener?.focus();
    onClose?.();
  });
  document.body.append(d);
  dialog = d;
  d.showModal();
  (d.querySelector('#text-size') as HTMLElement).focus();
}
