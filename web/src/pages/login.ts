import { ApiError, login } from '../api';
import { field, h } from '../dom';

export async function loginPage(main: HTMLElement, params: Record<string, string>): Promise<void> {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, value: 'admin' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Carve'),
    field('User name', user), field('Password', password), error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await login(user.value, password.value);
      location.hash = params.next && params.next.startsWith('#/') && !params.next.startsWith('#/login') ? params.next : '#/';
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? 'Wrong user name or password.' : (err as Error).message;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
  password.focus();
}
