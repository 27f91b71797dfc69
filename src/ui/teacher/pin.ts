import { hash } from '../../core/run/hash';
import { t } from '../../i18n';
import { store } from '../../platform/store';
import { panel } from '../assessment/screens';
import { h } from '../dom';

interface StoredPin {
  salt: string;
  digest: string;
}

async function digest(salt: string, pin: string): Promise<string> {
  const text = `${salt}:${pin}`;
  if (!crypto.subtle) return hash(text);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The teacher screens sit behind a PIN kept (salted and hashed) on this device:
 * it keeps curious students out of the session builder, nothing more.
 */
export async function requirePin(app: HTMLElement, onOk: () => void, onCancel: () => void) {
  const stored = await store.get<StoredPin>('teacher-pin');
  const creating = !stored;
  const pin = h('input', { id: 'pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', pattern: '[0-9]{4,8}', required: true, maxlength: 8 });
  const again = h('input', {
    id: 'pin-again',
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'off',
    pattern: '[0-9]{4,8}',
    required: true,
    maxlength: 8,
  });
  const error = h('p', { role: 'alert', class: 'warning', id: 'pin-error', hidden: true });
  const form = h(
    'form',
    { class: 'pin-form' },
    h('p', { class: 'field' }, h('label', { for: 'pin' }, creating ? t('teacher.pinNew') : t('teacher.pin')), pin),
    creating ? h('p', { class: 'field' }, h('label', { for: 'pin-again' }, t('teacher.pinAgain')), again) : null,
    error,
    h('button', { type: 'submit', class: 'primary', id: 'pin-ok' }, creating ? t('teacher.pinCreate') : t('teacher.pinEnter')),
    h('button', { type: 'button', id: 'pin-cancel', onclick: onCancel }, t('teacher.back')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fail = (key: string) => {
      error.hidden = false;
      error.textContent = t(key);
      pin.value = again.value = '';
      pin.focus();
    };
    if (!/^[0-9]{4,8}$/.test(pin.value)) return fail('teacher.pinFormat');
    if (creating) {
      if (pin.value !== again.value) return fail('teacher.pinMismatch');
      const salt = crypto.getRandomValues(new Uint32Array(2)).join('-');
      await store.set('teacher-pin', { salt, digest: await digest(salt, pin.value) } satisfies StoredPin);
      return onOk();
    }
    if ((await digest(stored.salt, pin.value)) !== stored.digest) return fail('teacher.pinWrong');
    onOk();
  });
  panel(app, 'teacher-pin', t('teacher.title'), h('p', {}, creating ? t('teacher.pinIntroNew') : t('teacher.pinIntro')), form);
  pin.focus();
}
