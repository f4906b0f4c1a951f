import { api, canOperate } from '../api';
import type { CreateNetworkRequest, NetworkView } from '../api-types';
import { field, h, keyedList, replace, setText } from '../dom';
import { type Poller, pollStatus, startPolling } from '../poll';
import { runLabelled } from '../tasks';

const col = (...names: string[]) => h('thead', null, h('tr', null, names.map((n) => h('th', { scope: 'col' }, n))));

/**
 * The host's guest networks, as Proxmox's and Incus's network views: each with its bridge, addresses, the guests
 * plugged into it and a NAT network's DHCP leases; a form to create a NAT or bridged network, and Delete (refused,
 * with the users named, while guests have NICs on it). Changes run as tasks shown in the task panel.
 */
export async function networksPage(main: HTMLElement): Promise<void> {
  const viewer = !canOperate();
  const why = viewer ? 'Your role (viewer) cannot change networks' : null;
  const tbody = h('tbody');
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const status = pollStatus();
  let busy = false;

  // Rows stay across refreshes: the Delete button is updated in place, so it keeps keyboard focus.
  const empty = h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No networks yet. Guests get user-mode NAT until you create one.'));
  const rows = keyedList<NetworkView>(tbody, (n) => `${n.name}/${n.createdAt}`, (n) => {
    const addresses = h('td');
    const users = h('td', { 'data-testid': 'users' });
    const leases = h('td', { 'data-testid': 'leases' });
    const remove = h('button', {
      class: 'danger', 'aria-label': `Delete ${n.name}`,
      onclick: () => { if (!busy && window.confirm(`Delete network ${n.name}?`)) void run(`Delete ${n.name}`, 'DELETE', `/networks/${encodeURIComponent(n.name)}`); },
    }, 'Delete');
    const bridgeCell = h('td');
    return {
      element: h('tr', { 'data-network': n.name },
        h('th', { scope: 'row' }, n.name), h('td', null, n.type === 'nat' ? 'NAT' : 'Bridge'), bridgeCell, addresses, users, leases,
        h('td', null, remove)),
      update: (now) => {
        replace(bridgeCell, h('code', null, now.bridge), now.adopted ? ' (adopted)' : null);
        setText(addresses, now.type === 'nat' ? `${now.subnet ?? '-'} via ${now.gateway ?? '-'}` : `uplink ${now.uplink ?? '-'}`);
        replace(users, now.users.length ? now.users.join(', ') : h('span', { class: 'muted' }, 'none'));
        replace(leases, now.type !== 'nat' ? '-' : now.leases.length === 0 ? h('span', { class: 'muted' }, 'none')
          : h('ul', { class: 'plain' }, now.leases.map((l) => h('li', null, h('code', null, l.ip), ` ${l.mac}${l.hostname ? ` (${l.hostname})` : ''}`))));
        remove.disabled = viewer || now.users.length > 0;
        remove.title = why ?? (now.users.length ? `In use by ${now.users.join(', ')}` : '');
      },
    };
  });
  const load = async () => rows(await api<NetworkView[]>('GET', '/networks'), empty);
  let poller: Poller | null = null;

  const run = async (label: string, method: 'POST' | 'DELETE', path: string, body?: CreateNetworkRequest) => {
    busy = true;
    try {
      await runLabelled(message, label, method, path, body);
    } finally {
      busy = false;
    }
    await poller?.refresh();
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
    const body: CreateNetworkRequest = type.value === 'nat'
      ? { name: name.value.trim(), type: 'nat', subnet: subnet.value.trim() || null }
      : { name: name.value.trim(), type: 'bridge', uplink: uplink.value.trim() || null, bridge: bridge.value.trim() || null };
    void run(`Create ${body.name}`, 'POST', '/networks', body).then(() => { name.value = ''; });
  });

  main.append(h('h1', null, 'Networks'), status, h('div', { class: 'stack' },
    h('section', { class: 'card wide', 'aria-labelledby': 'networks-title' },
      h('h2', { id: 'networks-title' }, 'Guest networks'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'networks' },
        h('caption', { class: 'sr-only' }, 'Networks with their bridge, addresses, guests and DHCP leases'),
        col('Name', 'Type', 'Bridge', 'Addresses', 'Guests', 'DHCP leases', 'Actions'), tbody)),
      message),
    h('section', { class: 'card', 'aria-labelledby': 'new-network-title' }, h('h2', { id: 'new-network-title' }, 'New network'), form)));
  await load();
  // Leases and users change as guests start and stop.
  poller = startPolling(load, { every: 3000, what: 'the networks', status, skipFirst: true });
}
