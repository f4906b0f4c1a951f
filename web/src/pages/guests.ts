import { api } from '../api';
import type { GuestSummary } from '../api-types';
import { h, keyedList, setText, statusBadge } from '../dom';
import { pollStatus, startPolling } from '../poll';

/** Every guest with its live state (refreshed every few seconds), filtered by text, type and state. */
export async function guestsPage(main: HTMLElement, params: Record<string, string>): Promise<void> {
  const search = h('input', { type: 'search', placeholder: 'Name or id', value: params.q ?? '', 'aria-label': 'Search guests' });
  const type = h('select', { 'aria-label': 'Type' },
    h('option', { value: '' }, 'All types'), h('option', { value: 'vm' }, 'VMs'), h('option', { value: 'ct' }, 'Containers'));
  const state = h('select', { 'aria-label': 'State' },
    h('option', { value: '' }, 'Any state'), h('option', { value: 'running' }, 'Running'), h('option', { value: 'stopped' }, 'Stopped'));
  const tbody = h('tbody');
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  let guests: GuestSummary[] = [];

  // Rows stay across refreshes (a focused link keeps its focus); only the cells that change are redrawn.
  const rows = keyedList<GuestSummary>(tbody, (g) => `${g.type}/${g.id}/${g.name}`, (g) => {
    const stateCell = h('td');
    const cpus = h('td');
    const memory = h('td');
    return {
      element: h('tr', { 'data-guest': g.name },
        h('td', null, g.id),
        h('th', { scope: 'row' }, h('a', { href: `#/guests/${g.type}/${encodeURIComponent(g.name)}` }, g.name)),
        h('td', null, g.type === 'vm' ? 'VM' : 'Container'),
        stateCell, cpus, memory),
      update: (now) => {
        stateCell.replaceChildren(statusBadge(now.status), ...(now.lock ? [h('span', { class: 'muted' }, ` (${now.lock})`)] : []));
        setText(cpus, String(now.cpus));
        setText(memory, `${now.memoryMiB} MiB`);
      },
    };
  });

  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = guests.filter((g) =>
      (!q || g.name.includes(q) || String(g.id).includes(q)) && (!type.value || g.type === type.value) && (!state.value || g.status === state.value));
    setText(count, `${shown.length} of ${guests.length} guests`);
    rows(shown);
  };
  const load = async () => { guests = await api<GuestSummary[]>('GET', '/guests'); draw(); };
  for (const control of [search, type, state]) control.addEventListener('input', draw);

  const status = pollStatus();
  main.append(
    h('h1', null, 'Guests'),
    status,
    h('div', { class: 'toolbar', role: 'search' }, search, type, state),
    count,
    h('div', { class: 'table-wrap' }, h('table', { class: 'guests' },
      h('caption', { class: 'sr-only' }, 'Guests and their state'),
      h('thead', null, h('tr', null, ['ID', 'Name', 'Type', 'State', 'CPUs', 'Memory'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody)));
  await load();
  startPolling(load, { every: 3000, what: 'the guests', status, skipFirst: true });
}
