import { api, ApiError, currentSession } from '../api';
import type { CreateUserRequest, GrantRequest, GuestSummary, SetPasswordRequest, UserView } from '../api-types';
import { field, h, keyedList, replace } from '../dom';
import { passwordPair } from './password-pair';

const col = (...names: string[]) => h('thead', null, h('tr', null, names.map((n) => h('th', { scope: 'col' }, n))));
const when = (t: string | null | undefined) => (t ? new Date(t).toLocaleString() : '-');

/**
 * Password users, for admins (the API refuses everyone else): the list with each one's role, a form to add one, a
 * form to set a password, one to set a role and the guests the user is limited to, Delete, and Turn off 2FA for a
 * lost phone. A new password, a new grant or a deletion ends that user's sessions; the last admin stays.
 */
export async function usersPage(main: HTMLElement): Promise<void> {
  const tbody = h('tbody');
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const who = h('select', { required: true });
  const say = (text: string, failed = false) => { message.textContent = text; message.className = failed ? 'error' : ''; };
  const attempt = async (done: string, act: () => Promise<unknown>) => {
    try {
      await act();
      say(done);
      await load();
      return true;
    } catch (e) {
      say(e instanceof ApiError ? e.message : (e as Error).message, true);
      return false;
    }
  };

  const rows = keyedList<UserView>(tbody, (u) => `${u.name}/${u.createdAt ?? ''}`, (u) => {
    const role = h('td');
    const guests = h('td');
    const remove = h('button', {
      class: 'danger', 'aria-label': `Delete ${u.name}`, disabled: u.name === currentSession()?.user,
      title: u.name === currentSession()?.user ? 'You cannot delete yourself here' : null,
      onclick: () => {
        if (window.confirm(`Delete user ${u.name}? Its sessions end at once.`))
          void attempt(`User ${u.name} deleted.`, () => api('DELETE', `/users/${encodeURIComponent(u.name)}`));
      },
    }, 'Delete');
    const totp = h('td');
    // For a lost phone: the user logs in with the password alone, and can set up a new app from its Account page.
    const resetTotp = h('button', {
      'aria-label': `Turn off ${u.name}'s one-time codes`,
      onclick: () => {
        if (window.confirm(`Turn off ${u.name}'s one-time codes? It then logs in with its password alone.`))
          void attempt(`${u.name} logs in with its password alone.`, () => api('DELETE', `/users/${encodeURIComponent(u.name)}/totp`));
      },
    }, 'Turn off 2FA');
    return {
      element: h('tr', { 'data-user': u.name }, h('th', { scope: 'row' }, u.name), role, guests, totp, h('td', null, when(u.createdAt)),
        h('td', null, resetTotp, ' ', remove)),
      update: (now) => {
        role.textContent = now.role;
        guests.textContent = now.guests ? now.guests.join(', ') : 'all';
        totp.textContent = now.totp ? 'on' : 'off';
        resetTotp.hidden = !now.totp;
      },
    };
  });
  const load = async () => {
    const users = await api<UserView[]>('GET', '/users');
    rows(users);
    for (const select of [who, grantWho]) {
      const picked = select.value;
      replace(select, users.map((u) => h('option', { value: u.name, selected: u.name === picked }, u.name)));
    }
  };

  const name = h('input', { required: true, maxlength: 32, pattern: '[a-z][a-z0-9\\-]*', autocomplete: 'off' });
  const role = h('select', null, h('option', { value: 'viewer' }, 'viewer: reads only'),
    h('option', { value: 'operator' }, 'operator: also runs and changes guests'), h('option', { value: 'admin' }, 'admin: also manages users and tokens'));
  const added = passwordPair('Password');
  const addForm = h('form', { class: 'edit', 'aria-label': 'Add a user' },
    field('User name', name, 'up to 32 lowercase letters, digits and dashes, starting with a letter'), field('Role', role), added.fields,
    h('button', { type: 'submit', class: 'primary' }, 'Add user'));
  addForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: CreateUserRequest = { name: name.value.trim(), role: role.value, password: added.first.value };
    void attempt(`User ${body.name} added.`, () => api('POST', '/users', body)).then((ok) => { if (ok) addForm.reset(); });
  });

  const changed = passwordPair('New password');
  const passwordForm = h('form', { class: 'edit', 'aria-label': 'Set a password' }, field('User', who), changed.fields,
    h('button', { type: 'submit', class: 'primary' }, 'Set password'));
  passwordForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const body: SetPasswordRequest = { password: changed.first.value };
    const user = who.value;
    void attempt(`Password of ${user} set; its sessions ended.`, () => api('PUT', `/users/${encodeURIComponent(user)}/password`, body))
      .then((ok) => { if (ok) { changed.first.value = ''; changed.again.value = ''; } });
  });

  // Role and guests: every guest, or only those picked (admins cannot be limited; the API says so).
  const grantWho = h('select', { required: true });
  const grantRole = h('select', null, ['viewer', 'operator', 'admin'].map((r) => h('option', { value: r }, r)));
  const limit = h('input', { type: 'checkbox' });
  const guestPick = h('select', { multiple: true, size: 6, disabled: true });
  limit.addEventListener('change', () => { guestPick.disabled = !limit.checked; });
  const grantForm = h('form', { class: 'edit', 'aria-label': 'Set a role and guests' }, field('User', grantWho), field('Role', grantRole),
    h('div', { class: 'field' }, h('label', null, limit, ' Only some guests')),
    field('Guests', guestPick, 'hold Ctrl or Shift to pick several; the user sees nothing else'),
    h('button', { type: 'submit', class: 'primary' }, 'Set role and guests'));
  grantForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = [...guestPick.selectedOptions].map((o) => o.value);
    const body: GrantRequest = { role: grantRole.value, guests: limit.checked ? picked : null };
    const user = grantWho.value;
    void attempt(`${user} is now ${body.role} of ${body.guests ? body.guests.join(', ') : 'every guest'}; its sessions ended.`,
      () => api('PUT', `/users/${encodeURIComponent(user)}/grant`, body));
  });
  const loadGuests = async () => {
    const guests = await api<GuestSummary[]>('GET', '/guests');
    replace(guestPick, guests.map((g) => h('option', { value: g.name }, g.name)));
  };

  main.append(h('h1', null, 'Users'), h('div', { class: 'stack' },
    h('section', { class: 'card wide', 'aria-labelledby': 'users-title' },
      h('h2', { id: 'users-title' }, 'Password users'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'users' },
        h('caption', { class: 'sr-only' }, 'Users with their role, the guests they may use, whether they log in with a one-time code and when each was added'),
        col('Name', 'Role', 'Guests', '2FA', 'Added', 'Actions'), tbody)),
      message),
    h('section', { class: 'card', 'aria-labelledby': 'new-user-title' }, h('h2', { id: 'new-user-title' }, 'New user'), addForm),
    h('section', { class: 'card', 'aria-labelledby': 'password-title' }, h('h2', { id: 'password-title' }, 'Change a password'), passwordForm),
    h('section', { class: 'card', 'aria-labelledby': 'grant-title' }, h('h2', { id: 'grant-title' }, 'Role and guests'), grantForm)));
  await Promise.all([load(), loadGuests()]);
}
