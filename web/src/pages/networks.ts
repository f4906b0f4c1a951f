import { api, canOperate } from '../api';
import { field, h, replace } from '../dom';
import { runLabelled } from '../tasks';
import type { NetworkView } from '../types';

const col = (...names: string[]) => h('thead', null, h('tr', null, names.map((n) => h('th', { scope: 'col' }, n))));

/**
 * The host's guest networks, as Proxmox's and Incus's network views: each with its bridge, addresses, the guests
 * plugged into it and a NAT network's DHCP leases; a form to create a NAT or bridged network, and Delete (refused,
 * with the users named, while guests have NICs on it). Changes run as tasks shown in the task panel.
 */
export async function networksPage(main: HTMLElement): Promise<() => void> {
  const viewer = !canOperate();
  const why = viewer ? 'Your role (viewer) cannot change networks' : null;
  const tbody = h('tbody');
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  let busy = false;

  const load = async () => {
    const networks = await api<NetworkView[]>('GET', '/networks');
    replace(tbody, networks.length === 0
      ? h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No networks yet. Guests get user-mode NAT until you create one.'))
      : networks.map(row));
  };

  const row = (n: NetworkView) => h('tr', { 'data-network': n.name },
    h('th', { scope: 'row' }, n.name),
    h('td', null, n.type === 'nat' ? 'NAT' : 'Bridge'),
    h('td', null, h('code', null, n.bridge), n.adopted ? ' (adopted)' : null),
    h('td', null, n.type === 'nat' ? `${n.subnet ?? '-'} via ${n.gateway ?? '-'}` : `uplink ${n.uplink ?? '-'}`),
    h('td', { 'data-testid': 'users' }, n.users.length ? n.users.join(', ') : h('span', { class: 'muted' }, 'none')),
    h('td', { 'data-testid': 'leases' }, n.type !== 'nat' ? '-' : n.leases.length === 0 ? h('span', { class: 'muted' }, 'none')
      : h('ul', { class: 'plain' }, n.leases.map((l) => h('li', null, h('code', null, l.ip), ` ${l.mac}${l.hostname ? ` (${l.hostname})` : ''}`)))),
    h('td', null, h('button', {
      class: 'danger', 'aria-label': `Delete ${n.name}`, disabled: viewer || n.users.length > 0,
      title: why ?? (n.users.length ? `In use by ${n.users.join(', ')}` : null),
      onclick: () => { if (!busy && window.confirm(`Delete network ${n.name}?`)) void run(`Delete ${n.name}`, 'DELETE', `/networks/${encodeURIComponent(n.name)}`); },
    }, 'Delete')));

  const run = async (label: string, method: string, path: string, body?: unknown) => {
    busy = true;
    try {
      await runLabelled(message, label, method, path, body);
    } finally {
      busy = false;
    }
    await load().catch(() => undefined);
  };

  const name = h('input', { required: true, maxlength: 15, pattern: '[a-z0-9][a-z0-9\\-]*', disabled: viewer, autocomplete: 'off' });
  const type = h('select', { disabled: viewer },
    h('option', { value: 'nat' }, 'NAT: a private subnet with DHCP, DNS and published ports'),
    h('option', { value: 'bridge' }, 'Bridge: guests join the LAN of a host interface'));
  const subnet = h('input', { placeholder: '10.77.0.0/24', disabled: viewer, autocomplete: 'off' });
  const uplink = h('input', { placeholder: 'eth0', disabled: viewer, autocomplete: 'off' });
  const bridge = h('input', { placeholder: 'vmbr0', maxlength: 15, disabled: viewer, autocomplete: 'off' });
  const byType = h('div');
  const drawType = () => replace(byType, type.value === 'nat'
    ? field('Subnet', subnet, 'IPv4 with a prefix; the host takes its first address and routes for the guests')
    : [field('Uplink', uplink, 'the host interface that reaches the LAN'),
      field('Bridge', bridge, 'a Linux bridge to create, or an existing one to adopt (default: the network\'s name)')]);
  type.addEventListener('change', drawType);
  drawType();
  const form = h('form', { class: 'edit network-form', 'aria-label': 'Create a network' },
    field('Network name', name, 'up to 15 lowercase letters, digits and dashes'), field('Type', type), byType,
    h('button', { type: 'submit', class: 'primary', disabled: viewer, title: why }, 'Create network'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const body = type.value === 'nat'
      ? { name: name.value.trim(), type: 'nat', subnet: subnet.value.trim() || null }
      : { name: name.value.trim(), type: 'bridge', uplink: uplink.value.trim() || null, bridge: bridge.value.trim() || null };
    void run(`Create ${body.name}`, 'POST', '/networks', body).then(() => { name.value = ''; });
  });

  main.append(h('h1', null, 'Networks'), h('div', { class: 'stack' },
    h('section', { class: 'card wide', 'aria-labelledby': 'networks-title' },
      h('h2', { id: 'networks-title' }, 'Guest networks'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'networks' },
        h('caption', { class: 'sr-only' }, 'Networks with their bridge, addresses, guests and DHCP leases'),
        col('Name', 'Type', 'Bridge', 'Addresses', 'Guests', 'DHCP leases', 'Actions'), tbody)),
      message),
    h('section', { class: 'card', 'aria-labelledby': 'new-network-title' }, h('h2', { id: 'new-network-title' }, 'New network'), form)));
  await load();
  // Leases and users change as guests start and stop.
  const timer = window.setInterval(() => { if (!busy) void load().catch(() => undefined); }, 3000);
  return () => window.clearInterval(timer);
}
