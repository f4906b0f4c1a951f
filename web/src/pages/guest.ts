import { api, canOperate } from '../api';
import type { BootPolicy, CtView, NicView, TaskAccepted, VmView } from '../api-types';
import { bytes, duration, h, replace, setText, statusBadge } from '../dom';
import { type Poller, pollStatus, startPolling } from '../poll';
import { runTask } from '../tasks';
import { clonePanel } from './clone';
import { editForm } from './guest-edit';
import { snapshotsPanel } from './snapshots';

type Guest = VmView | CtView;

/** One guest: its state, the actions on it, its settings and links to its consoles. */
export async function guestPage(main: HTMLElement, params: Record<string, string>): Promise<void> {
  const kind = params.kind as 'vm' | 'ct';
  const base = `/${kind}s/${encodeURIComponent(params.ref)}`;
  const title = h('h1');
  const facts = h('section', { class: 'card', 'aria-label': 'State' });
  const message = h('p', { class: 'error', role: 'alert' });
  const status = pollStatus();
  const edit = h('section', { class: 'card', 'aria-labelledby': 'edit-title' });
  const snapshots = snapshotsPanel(kind, params.ref);
  // Declared before the clone panel, which reloads the page after a conversion to template.
  let poller: Poller | null = null;
  const reload = () => poller?.refresh() ?? load();
  const clone = clonePanel(kind, params.ref, reload);
  let guest: Guest | null = null;

  const act = async (label: string, method: 'POST' | 'DELETE', path: string) => {
    message.textContent = '';
    try {
      const accepted = await api<TaskAccepted>(method, base + path);
      const task = await runTask(accepted.taskId);
      if (task.status === 'failed') message.textContent = `${label} failed: ${task.error ?? ''}`;
      else if (label === 'Delete') { location.hash = '#/guests'; return; }
    } catch (e) {
      message.textContent = (e as Error).message;
    }
    await reload();
  };

  // The toolbar is made once; refreshes only change what each button allows, so keyboard focus stays where it is.
  const button = (label: string, onclick: () => void) => h('button', {
    disabled: true, class: label === 'Delete' ? 'danger' : null,
    title: canOperate() ? null : 'Your role (viewer) cannot change guests', onclick,
  }, label);
  const name = () => guest?.name ?? params.ref;
  const running = () => guest?.status === 'running';
  const toolbar = {
    start: button('Start', () => void act('Start', 'POST', '/start')),
    shutdown: button('Shut down', () => void act('Shut down', 'POST', '/shutdown')),
    reboot: button('Reboot', () => void act('Reboot', 'POST', '/reboot')),
    stop: button('Stop', () => { if (window.confirm(`Stop ${name()} at once, like pulling the plug?`)) void act('Stop', 'POST', '/stop'); }),
    delete: button('Delete', () => {
      if (window.confirm(`Delete ${name()} and all its disks? This cannot be undone.`)) void act('Delete', 'DELETE', running() ? '?force=true' : '');
    }),
  };
  const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Actions' }, Object.values(toolbar));

  // The console links too: an <a> without href while the guest cannot be reached, plain text to every user.
  const channels: [string, string][] = kind === 'vm' ? [['vnc', 'Screen (noVNC)'], ['serial', 'Serial console']] : [['console', 'Console']];
  const consoleLinks = channels.map(([channel, text]) => ({ channel, text, link: h('a', { target: '_blank', rel: 'noopener' }) }));
  const notRunning = h('p', { class: 'muted' }, 'Start the guest to open its consoles.');
  const consoles = h('section', { class: 'card', 'aria-labelledby': 'consoles-title' },
    h('h2', { id: 'consoles-title' }, 'Consoles'), notRunning,
    h('ul', { class: 'links' }, consoleLinks.map((c) => h('li', null, c.link))));

  const update = (g: Guest) => {
    const up = g.status === 'running';
    const operate = canOperate();
    // A template never starts: it is cloned.
    toolbar.start.disabled = !operate || up || g.template;
    toolbar.shutdown.disabled = toolbar.reboot.disabled = toolbar.stop.disabled = !operate || !up;
    toolbar.delete.disabled = !operate;
    notRunning.hidden = up;
    for (const c of consoleLinks) {
      const open = up && operate;
      if (open) c.link.setAttribute('href', `#/console/${kind}/${encodeURIComponent(g.name)}/${c.channel}`);
      else c.link.removeAttribute('href');
      c.link.classList.toggle('muted', !open);
      setText(c.link, open ? `${c.text} (opens a new tab)` : `${c.text} (${operate ? 'guest not running' : 'viewers cannot open consoles'})`);
    }
  };

  const load = async () => {
    const g = await api<Guest>('GET', base);
    const first = guest === null;
    guest = g;
    const up = g.status === 'running';
    snapshots.update(up);
    clone.update({ running: up, template: g.template });
    const noun = kind === 'vm' ? 'VM' : 'Container';
    replace(title, `${noun} ${g.name} `, h('span', { class: 'muted' }, `(${g.id})`), ' ', statusBadge(g.status),
      g.template ? [' ', h('span', { class: 'badge template' }, 'template')] : null);
    update(g);
    replace(facts, h('h2', null, 'State'), h('dl', { class: 'facts' }, describe(g)));
    if (first) replace(edit, h('h2', { id: 'edit-title' }, 'Settings'), editForm(kind, base, g, reload));
  };

  main.append(title, actions, message, status, h('div', { class: 'grid' }, facts, consoles, edit, clone.element, snapshots.element));
  await load();
  poller = startPolling(load, { every: 3000, what: 'this guest', status, skipFirst: true });
}

function describe(g: Guest): HTMLElement[] {
  const row = (k: string, v: string | number | null | undefined) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '-' : String(v))];
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
      ...row('Pending until restart', g.pendingChanges.join(', ')), ...row('Start with host', bootText(g.config.boot)),
      ...row('Lock', g.lock), ...row('Description', g.config.description),
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
    ...row('Start with host', bootText(g.config.boot)), ...row('Lock', g.lock), ...row('Description', g.config.description),
  ];
}

/** "yes, order 1, up 30 s, up when it prints 'login:'; restarts on crash", or "no". */
function bootText(b: BootPolicy): string {
  const start = b.onBoot ? ['yes', b.order != null ? `order ${b.order}` : null, b.upSeconds != null ? `up ${b.upSeconds} s` : null,
    b.ready != null ? `up when it prints '${b.ready}'` : null,
    b.downSeconds != null ? `down ${b.downSeconds} s` : null].filter(Boolean).join(', ') : 'no';
  return b.restart === 'on-crash' ? `${start}; restarts on crash` : start;
}


/** "net0 lab 3a:44:.. 10.77.0.2 vlan 10 (8080:80/tcp)": the address is what a user looks for first. */
function nics(list: NicView[]): string {
  return list.map((n) => [n.name, n.network, n.model, n.mac, n.ip, n.vlan ? `vlan ${n.vlan}` : null,
    n.publish.length ? `(${n.publish.join(', ')})` : null].filter(Boolean).join(' ')).join('; ');
}
