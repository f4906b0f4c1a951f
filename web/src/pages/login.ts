import { ApiError, login, loginWithToken, totpNeeded } from '../api';
import { field, h } from '../dom';
import type { SessionView } from '../api-types';

export function loginPage(main: HTMLElement, params: Record<string, string>): void {
  const error = h('p', { class: 'error', role: 'alert', 'aria-live': 'assertive' });
  const done = () => {
    location.hash = params.next && params.next.startsWith('#/') && !params.next.startsWith('#/login') ? params.next : '#/';
  };
  // Shown once the server says this user also needs the authenticator app's code.
  const code = h('input', { name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const codeField = field('One-time code', code, 'the 6 digits your authenticator app shows now');
  codeField.hidden = true;
  // Both forms share the error line and the way back to where the user was going.
  const wire = (form: HTMLFormElement, submit: HTMLButtonElement, attempt: () => Promise<SessionView>, refused: string, retry: HTMLInputElement) => {
    const tryIt = async () => {
      error.textContent = '';
      submit.disabled = true;
      try {
        await attempt();
        done();
      } catch (err) {
        if (err instanceof ApiError && err.type === totpNeeded) {
          // The password was right: ask for the code instead of calling it wrong.
          codeField.hidden = false;
          code.required = true;
          error.textContent = err.message;
          code.focus();
          return;
        }
        // With the code asked for, the server's sentence says which of the two was wrong.
        error.textContent = err instanceof ApiError && err.status === 401 && codeField.hidden ? refused : (err as Error).message;
        (codeField.hidden ? retry : code).select();
      } finally {
        submit.disabled = false;
      }
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); void tryIt(); });
  };

  const user = h('input', { name: 'username', autocomplete: 'username', required: true, value: 'admin' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { 'aria-labelledby': 'login-title' }, field('User name', user), field('Password', password), codeField, submit);
  wire(form, submit, () => login(user.value, password.value, codeField.hidden ? undefined : code.value), 'Wrong user name or password.', password);

  const token = h('input', { name: 'token', type: 'password', autocomplete: 'off', required: true });
  const tokenSubmit = h('button', { type: 'submit' }, 'Log in with token');
  const tokenForm = h('form', null, field('API token', token, 'A viewer token gives a read-only view'), tokenSubmit);
  wire(tokenForm, tokenSubmit, () => loginWithToken(token.value), 'The API token is not valid.', token);

  main.append(h('div', { class: 'card login' },
    h('h1', { id: 'login-title' }, 'Carve'), form, error,
    h('details', null, h('summary', null, 'Log in with an API token instead'), tokenForm)));
  password.focus();
}
