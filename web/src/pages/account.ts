import { api, ApiError, currentSession, logout } from '../api';
import type { ChangeOwnPasswordRequest, PasswordCheckRequest, SessionView, TotpCodeRequest, TotpSetupView } from '../api-types';
import { field, h, replace } from '../dom';
import { passwordPair } from './password-pair';

const currentPassword = () => h('input', { type: 'password', required: true, autocomplete: 'current-password' });

/**
 * The caller's own account: its password, and its one-time code second factor (TOTP). Setting one up shows the
 * secret as a QR code for the authenticator app; it is in force once a code from the app confirms it. API token
 * sessions have neither.
 */
export async function accountPage(main: HTMLElement): Promise<void> {
  const me = await api<SessionView>('GET', '/auth/whoami');
  main.append(h('h1', null, 'Account'));
  if (me.totp === null || me.totp === undefined) {
    main.append(h('p', null, `${me.user} is an API token session: it has no password or one-time code of its own.`));
    return;
  }
  main.append(h('div', { class: 'stack' }, passwordCard(), totpCard(me.totp)));
}

/** A form that says what happened under it; act returns the sentence for success. */
function wired(form: HTMLFormElement, message: HTMLElement, act: () => Promise<string>): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      try {
        message.className = '';
        message.textContent = await act();
      } catch (err) {
        message.className = 'error';
        message.textContent = err instanceof ApiError ? err.message : (err as Error).message;
      }
    })();
  });
}

function passwordCard(): HTMLElement {
  const current = currentPassword();
  const fresh = passwordPair('New password');
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'edit', 'aria-label': 'Change your password' }, field('Current password', current), fresh.fields,
    h('button', { type: 'submit', class: 'primary' }, 'Change password'));
  wired(form, message, async () => {
    const body: ChangeOwnPasswordRequest = { currentPassword: current.value, password: fresh.first.value };
    await api('PUT', '/auth/password', body);
    // Every session of the user ended, this one too.
    await logout().catch(() => undefined);
    location.hash = '#/login';
    return 'Password changed.';
  });
  return h('section', { class: 'card', 'aria-labelledby': 'own-password-title' }, h('h2', { id: 'own-password-title' }, 'Password'), form, message);
}

function totpCard(on: boolean): HTMLElement {
  const state = h('p', { id: 'totp-state' });
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const setupArea = h('div');
  const showState = (now: boolean) => {
    state.textContent = now
      ? 'Logging in needs your password and the code your authenticator app shows.'
      : 'Logging in needs your password alone. Add an authenticator app (any TOTP app) to need a code from your phone too.';
    off.hidden = !now;
  };

  const password = currentPassword();
  const begin = h('form', { class: 'edit', 'aria-label': 'Set up an authenticator app' }, field('Your password', password),
    h('button', { type: 'submit', class: 'primary' }, 'Set up an authenticator app'));
  wired(begin, message, async () => {
    const body: PasswordCheckRequest = { password: password.value };
    const setup = await api<TotpSetupView>('POST', '/auth/totp', body);
    password.value = '';
    replace(setupArea, await confirmStep(setup, message, () => { replace(setupArea); showState(true); }));
    return 'Scan the code with the app, then type the code it shows.';
  });

  const offPassword = currentPassword();
  const off = h('form', { class: 'edit', 'aria-label': 'Turn off one-time codes' }, field('Your password', offPassword),
    h('button', { type: 'submit', class: 'danger' }, 'Turn off one-time codes'));
  wired(off, message, async () => {
    const body: PasswordCheckRequest = { password: offPassword.value };
    await api('POST', '/auth/totp/disable', body);
    offPassword.value = '';
    showState(false);
    return 'One-time codes are off.';
  });
  showState(on);
  return h('section', { class: 'card', 'aria-labelledby': 'totp-title' },
    h('h2', { id: 'totp-title' }, 'One-time codes (two-factor login)'), state, begin, setupArea, off, message);
}

/** The new secret as a QR code and as text, and the form that puts it in force with a code from the app. */
async function confirmStep(setup: TotpSetupView, message: HTMLElement, confirmed: () => void): Promise<HTMLElement> {
  const code = h('input', { name: 'totp-confirm', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true });
  const form = h('form', { class: 'edit', 'aria-label': 'Confirm the authenticator app' }, field('Code from the app', code, 'the 6 digits it shows now'),
    h('button', { type: 'submit', class: 'primary' }, 'Confirm'));
  wired(form, message, async () => {
    const body: TotpCodeRequest = { code: code.value.trim() };
    await api('POST', '/auth/totp/confirm', body);
    confirmed();
    return `Done: from now on ${currentSession()?.user ?? 'you'} logs in with a code too.`;
  });
  // The QR encoder is loaded only here, where it is used, not with every page.
  const { qrCode } = await import('../qr');
  return h('div', { class: 'totp-setup' },
    await qrCode(setup.uri, 'QR code of the new secret for an authenticator app'),
    h('p', null, 'Or type this secret into the app: ', h('code', { 'data-totp-secret': '' }, setup.secret)),
    h('details', null, h('summary', null, 'otpauth:// URI'), h('code', { class: 'wrap' }, setup.uri)),
    form);
}
