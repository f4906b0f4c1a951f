import { api, canOperate } from '../api';
import { bytes, duration, h, replace, statusBadge } from '../dom';
import { runTask } from '../tasks';
import type { CtView, NicView, TaskAccepted, VmView } from '../types';
import { clonePanel } from './clone';
import { editForm } from './guest-edit';
import { snapshotsPanel } from './snapshots';

type Guest = VmView | CtView;

/** One guest: its state, the actions on it, its settings and links to its consoles. */
export async function guestPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const kind = params.kind as 'vm' | 'ct';
  const base = `/${kind}s/${encodeURIComponent(params.ref)}`;
  const title = h('h1');
  const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Actions' });
  const facts = h('section', { class: 'card', 'aria-label': 'State' });
  const consoles = h('section', { class: 'card', 'aria-labelledby': 'consoles-title' });
  const message = h('p', { class: 'error', role: 'alert' });
  const edit = h('section', { class: 'card', 'aria-labelledby': 'edit-title' });
  const snapshots = snapshotsPanel(kind, params.ref);
  // Declared before load, which the clone panel calls again after a conversion to template.
  let load: () => Promise<void> = async () => undefined;
  const clone = clonePanel(kind, params.ref, () => load());
  main.append(title, actions, message, h('div', { class: 'grid' }, facts, consoles, edit, clone.element, snapshots.element));

  const act = async (label: string, method: string, path: string) => {
    message.textContent = '';
    try {
      const accepted = await api<TaskAccepted>(method, base + path);
      const task = await runTask(accepted.taskId);
      if (task.status === 'failed') message.textContent = `${label} failed: ${task.error ?? ''}`;
      else if (label === 'Delete') { location.hash = '#/guests'; return; }
    } catch (e) {
      message.textContent = (e as Error).message;
    }
    await load();
  };

  const button = (label: string, method: string, path: string, enabled: boolean, confirmText?: string) =>
    h('button', {
      disabled: !canOperate() || !enabled, title: canOperate() ? null : 'Your role (viewer) cannot change guests',
      class: label === 'Delete' ? 'danger' : null,
      onclick: () => { if (!confirmText || window.confirm(confirmText)) void act(label, method, path); },
    }, label);

  let first = true;
  load = async () => {
    const g = await api<Guest>('GET', base);
    const running = g.status === 'running';
    snapshots.update(running);
    clone.update({ running, template: g.template });
    const noun = kind === 'vm' ? 'VM' : 'Container';
    replace(title, `${noun} ${g.name} `, h('span', { class: 'muted' }, `(${g.id})`), ' ', statusBadge(g.status),
      g.template ? [' ', h('span', { class: 'badge template' }, 'template')] : null);
    replace(actions,
      // A template never starts: it is cloned.
      button('Start', 'POST', '/start', !running && !g.template),
      button('Shut down', 'POST', '/shutdown', running),
      button('Reboot', 'POST', '/reboot', running),
      button('Stop', 'POST', '/stop', running, `Stop ${g.name} at once, like pulling the plug?`),
      button('Delete', 'DELETE', running ? '?force=true' : '', true, `Delete ${g.name} and all its disks? This cannot be undone.`));
    replace(facts, h('h2', null, 'State'), h('dl', { class: 'facts' }, describe(g)));
    replace(consoles, h('h2', { id: 'consoles-title' }, 'Consoles'),
      !running ? h('p', { class: 'muted' }, 'Start the guest to open its consoles.') : null,
      h('ul', { class: 'links' }, (kind === 'vm'
        ? [['vnc', 'Screen (noVNC)'], ['serial', 'Serial console']]
        : [['console', 'Console']]).map(([channel, text]) => h('li', null,
        // A console that cannot be opened is plain text, not a link that keyboard users could still follow.
        running && canOperate()
          ? h('a', { href: `#/console/${kind}/${encodeURIComponent(g.name)}/${channel}`, target: '_blank', rel: 'noopener' }, `${text} (opens a new tab)`)
          : h('span', { class: 'muted' }, `${text} (${canOperate() ? 'guest not running' : 'viewers cannot open consoles'})`)))));
    if (first) {
      first = false;
      replace(edit, h('h2', { id: 'edit-title' }, 'Settings'), editForm(kind, base, g, load));
    }
  };
  await load();
  const timer = window.setInterval(() => void load().catch(() => undefined), 3000);
  return () => window.clearInterval(timer);
}

function describe(g: Guest): HTMLElement[] {
  const row = (k: string, v: unknown) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '-' : String(v))];
  if ('disks' in g) {
    const r = g.runtime;
    return [
      ...row('CPUs', g.config.cpus), ...row('Memory', `${g.config.memoryMiB} MiB`), ...row('Firmware', g.config.firmware),
      ...row('Acceleration', r?.accel ? `${r.accel}${r.accelNote ? ` (${r.accelNote})` : ''}` : g.config.accel),
      ...row('Boot', g.config.kernel ? `kernel ${g.config.kernel}` : g.config.cdrom ? `ISO ${g.config.cdrom}` : 'disk'),
      ...row('Disks', g.disks.map((d) => `${d.name} ${bytes(d.virtualSizeBytes)} (${d.pool})`).join(', ')),
      ...row('NICs', nics(g.config.nics)),
      ...row('Host PCI', g.config.hostPci.map((p) => `${p.address}${p.romBar === false ? ' rombar=off' : ''}${p.primaryGpu ? ' primary GPU' : ''}`).join(', ')),
      ...row('PID', r?.pid), ...row('Uptime', duration(r?.uptimeSeconds)), ...row('Memory in use', bytes(r?.memoryRssBytes)),
      ...row('Pending until restart', g.pendingChanges.join(', ')), ...row('Lock', g.lock), ...row('Description', g.config.description),
    ];
  }
  const r = g.runtime;
  return [
    ...row('CPUs', g.config.cpus), ...row('Memory', `${g.config.memoryMiB} MiB`), ...row('Template', g.config.template),
    ...row('Hostname', g.config.hostname), ...row('Privileged', g.config.privileged ? 'yes' : 'no'),
    ...row('Mounts', g.config.mounts.map((m) => `${m.host} -> ${m.guest}`).join(', ')),
    ...row('NICs', nics(g.config.nics)),
    ...row('Init PID', r?.initPid), ...row('Uptime', duration(r?.uptimeSeconds)),
    ...row('Memory in use', r?.memoryBytes === undefined ? '-' : `${bytes(r.memoryBytes)} of ${bytes(r.memoryLimitBytes)}`),
    ...row('Lock', g.lock), ...row('Description', g.config.description),
  ];
}


/** "net0 lab 3a:44:.. 10.77.0.2 vlan 10 (8080:80/tcp)": the address is what a user looks for first. */
function nics(list: NicView[]): string {
  return list.map((n) => [n.name, n.network, n.model, n.mac, n.ip, n.vlan ? `vlan ${n.vlan}` : null,
    n.publish.length ? `(${n.publish.join(', ')})` : null].filter(Boolean).join(' ')).join('; ');
}
