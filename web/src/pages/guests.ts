import { api } from '../api';
import { h, replace, statusBadge } from '../dom';
import type { GuestSummary } from '../types';

/** Every guest with its live state (refreshed every few seconds), filtered by text, type and state. */
export async function guestsPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const search = h('input', { type: 'search', placeholder: 'Name or id', value: params.q ?? '', 'aria-label': 'Search guests' });
  const type = h('select', { 'aria-label': 'Type' },
    h('option', { value: '' }, 'All types'), h('option', { value: 'vm' }, 'VMs'), h('option', { value: 'ct' }, 'Containers'));
  const state = h('select', { 'aria-label': 'State' },
    h('option', { value: '' }, 'Any state'), h('option', { value: 'running' }, 'Running'), h('option', { value: 'stopped' }, 'Stopped'));
  const tbody = h('tbody');
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  let guests: GuestSummary[] = [];

  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = guests.filter((g) =>
      (!q || g.name.includes(q) || String(g.id).includes(q)) && (!type.value || g.type === type.value) && (!state.value || g.status === state.value));
    count.textContent = `${shown.length} of ${guests.length} guests`;
    replace(tbody, shown.map((g) => h('tr', { 'data-guest': g.name },
      h('td', null, g.id),
      h('th', { scope: 'row' }, h('a', { href: `#/guests/${g.type}/${encodeURIComponent(g.name)}` }, g.name)),
      h('td', null, g.type === 'vm' ? 'VM' : 'Container'),
      h('td', null, statusBadge(g.status), g.lock ? h('span', { class: 'muted' }, ` (${g.lock})`) : null),
      h('td', null, g.cpus), h('td', null, `${g.memoryMiB} MiB`))));
  };
  const load = async () => { guests = await api<GuestSummary[]>('GET', '/guests'); draw(); };
  for (const control of [search, type, state]) control.addEventListener('input', draw);

  main.append(
    h('h1', null, 'Guests'),
    h('div', { class: 'toolbar', role: 'search' }, search, type, state),
    count,
    h('div', { class: 'table-wrap' }, h('table', { class: 'guests' },
      h('caption', { class: 'sr-only' }, 'Guests and their state'),
      h('thead', null, h('tr', null, ['ID', 'Name', 'Type', 'State', 'CPUs', 'Memory'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody)));
  await load();
  const timer = window.setInterval(() => void load().catch(() => undefined), 3000);
  return () => window.clearInterval(timer);
}
