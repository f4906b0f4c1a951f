import { api } from '../api';
import type { GuestSummary, HostInfo, TaskView } from '../api-types';
import { bytes, h, meter, replace } from '../dom';
import { pollStatus, startPolling } from '../poll';
import { resourcesCard } from './resources';

export async function dashboardPage(main: HTMLElement): Promise<void> {
  // The cards are made once; each refresh redraws what is inside them (text and meters, no controls), so the
  // "All guests" link keeps its focus.
  const hostTitle = h('h2', { id: 'host-title' }, 'Host');
  const hostBody = h('div');
  let resources: HTMLElement = h('section', { class: 'card', hidden: true });
  const storage = h('div');
  const counts = h('p', { class: 'big', 'data-testid': 'guest-counts' });
  const kinds = h('p');
  const recent = h('div');
  const status = pollStatus();
  main.append(h('h1', null, 'Dashboard'), status, h('div', { class: 'grid' },
    h('section', { class: 'card', 'aria-labelledby': 'host-title' }, hostTitle, hostBody),
    resources,
    h('section', { class: 'card', 'aria-labelledby': 'storage-title' }, h('h2', { id: 'storage-title' }, 'Storage'), storage),
    h('section', { class: 'card', 'aria-labelledby': 'guests-title' },
      h('h2', { id: 'guests-title' }, 'Guests'), counts, kinds, h('a', { href: '#/guests' }, 'All guests')),
    h('section', { class: 'card wide', 'aria-labelledby': 'recent-title' }, h('h2', { id: 'recent-title' }, 'Recent tasks'), recent)));

  const draw = async () => {
    const [host, guests, tasks] = await Promise.all([
      api<HostInfo>('GET', '/host'), api<GuestSummary[]>('GET', '/guests'), api<TaskView[]>('GET', '/tasks?limit=5')]);
    const running = guests.filter((g) => g.status === 'running').length;
    const accel = host.kvm.autoAccel ?? 'probing';
    hostTitle.textContent = `Host ${host.hostname}`;
    replace(hostBody,
      h('dl', { class: 'facts' },
        h('dt', null, 'CPU'), h('dd', null, `${host.cpuCount} x ${host.cpuModel}`),
        h('dt', null, 'Acceleration'), h('dd', { 'data-testid': 'accel' },
          h('span', { class: `badge accel-${accel}` }, accel.toUpperCase()), ' ', host.kvm.detail),
        h('dt', null, 'Kernel'), h('dd', null, host.kernel),
        h('dt', null, 'QEMU'), h('dd', null, host.qemuVersion ?? '-'),
        h('dt', null, 'Carve'), h('dd', null, host.carveVersion)),
      host.loadAverage === undefined || host.loadAverage === null ? null : meter('CPU load', host.loadAverage, host.cpuCount,
        `load ${host.loadAverage.toFixed(2)} on ${host.cpuCount} CPUs`),
      meter('Memory', host.memoryTotalBytes - host.memoryAvailableBytes, host.memoryTotalBytes));
    const next = resourcesCard(host.resources);
    resources.replaceWith(next);
    resources = next;
    replace(storage,
      host.pools.map((p) => meter(`${p.name} (${p.type})`, p.totalBytes - p.availableBytes, p.totalBytes)),
      h('p', { class: 'muted' }, `${host.pools.length} pool(s), ${bytes(host.pools.reduce((a, p) => a + p.availableBytes, 0))} free`));
    replace(counts,
      h('span', { class: 'status-running' }, `${running} running`), ' / ',
      h('span', { class: 'status-stopped' }, `${guests.length - running} stopped`));
    kinds.textContent = `${guests.filter((g) => g.type === 'vm').length} VMs, ${guests.filter((g) => g.type === 'ct').length} containers`;
    replace(recent, tasks.length === 0 ? h('p', { class: 'muted' }, 'No tasks yet.') : h('table', null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, 'Task'),
        h('th', { scope: 'col' }, 'Guest'), h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Status'))),
      h('tbody', null, tasks.map((t) => h('tr', null,
        h('td', null, new Date(t.createdAt).toLocaleString()), h('td', null, t.type), h('td', null, t.guest ?? ''),
        h('td', null, t.user), h('td', null, h('span', { class: `badge status-${t.status}` }, t.status)))))));
  };
  await draw();
  startPolling(draw, { every: 5000, what: 'the dashboard', status, skipFirst: true });
}
