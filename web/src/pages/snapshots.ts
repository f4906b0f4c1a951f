import { api, canOperate, type Method } from '../api';
import { field, h, keyedList, replace, setText } from '../dom';
import { runLabelled } from '../tasks';
import type { CreateSnapshotRequest, SnapshotView } from '../api-types';

export interface SnapshotsPanel { element: HTMLElement; update: (running: boolean) => void }

/**
 * A guest's snapshots, like Proxmox's Snapshots tab: the tree as a table with Rollback and Delete, and a form
 * to take one. Every action runs as a task shown in the task panel; the table reloads when the task ends.
 */
export function snapshotsPanel(kind: 'vm' | 'ct', ref: string): SnapshotsPanel {
  const base = `/guests/${encodeURIComponent(ref)}/snapshots`;
  const viewer = !canOperate();
  const why = viewer ? 'Your role (viewer) cannot change guests' : null;
  const tbody = h('tbody');
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const name = h('input', { required: true, maxlength: 63, pattern: '[A-Za-z0-9._\\-]+', disabled: viewer, autocomplete: 'off' });
  const description = h('input', { maxlength: 1000, disabled: viewer });
  const memory = h('input', { type: 'checkbox', disabled: true });
  const take = h('button', { type: 'submit', class: 'primary', disabled: viewer, title: why }, 'Take snapshot');
  const memoryHint = kind === 'vm' ? 'only while the VM runs: a rollback then resumes where it was' : 'VMs only';
  const form = h('form', { class: 'edit snapshot-form', 'aria-label': 'Take a snapshot' },
    field('Snapshot name', name, 'letters, digits, ".", "-", "_"'), field('Snapshot description', description),
    h('div', { class: 'field check' }, h('label', null, memory, ' Include RAM'), h('small', null, memoryHint)),
    take);
  let busy = false;

  // Rows are kept by name across reloads, so a Rollback or Delete button keeps its focus when the table reloads.
  const empty = h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No snapshots yet.'));
  const rows = keyedList<SnapshotView>(tbody, (s) => `${s.name}/${s.createdAt}`, (s) => {
    const nameCell = h('th', { scope: 'row' });
    const parent = h('td');
    const state = h('td');
    const text = h('td', { class: 'wrap' });
    const row = h('tr', { 'data-snapshot': s.name },
      nameCell, parent,
      h('td', { class: 'nowrap' }, h('time', { datetime: s.createdAt }, new Date(s.createdAt).toLocaleString())),
      h('td', null, s.memory ? 'yes' : 'no'),
      state, text,
      h('td', null, h('div', { class: 'row-actions' },
        action('Rollback', s.name, 'POST', `/${encodeURIComponent(s.name)}/rollback`,
          `Roll ${ref} back to snapshot ${s.name}? Changes since then are lost.`),
        action('Delete', s.name, 'DELETE', `/${encodeURIComponent(s.name)}`, `Delete snapshot ${s.name} of ${ref}?`))));
    return {
      element: row,
      update: (now) => {
        if (now.current) row.setAttribute('aria-current', 'true');
        else row.removeAttribute('aria-current');
        replace(nameCell, now.name, now.current ? [' ', h('span', { class: 'badge current' }, 'current')] : null);
        setText(parent, now.parent ?? '-');
        setText(state, now.state);
        setText(text, now.description ?? '');
      },
    };
  });
  const load = async () => rows(await api<SnapshotView[]>('GET', base), empty);

  const run = async (label: string, method: Method, path: string, body?: CreateSnapshotRequest) => {
    busy = true;
    try {
      await runLabelled(message, label, method, base + path, body);
    } finally {
      busy = false;
    }
    await load().catch(() => undefined);
  };

  function action(label: string, snap: string, method: Method, path: string, question: string): HTMLButtonElement {
    return h('button', {
      class: label === 'Delete' ? 'danger' : null, disabled: viewer, title: why, 'aria-label': `${label} ${snap}`,
      onclick: () => { if (!busy && window.confirm(question)) void run(`${label} ${snap}`, method, path); },
    }, label);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const snap = name.value.trim();
    const body: CreateSnapshotRequest = { name: snap, description: description.value || null, memory: memory.checked };
    void run(`Snapshot ${snap}`, 'POST', '', body).then(() => { name.value = ''; description.value = ''; });
  });

  const element = h('section', { class: 'card wide', 'aria-labelledby': 'snapshots-title' },
    h('h2', { id: 'snapshots-title' }, 'Snapshots'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'snapshots' },
      h('caption', { class: 'sr-only' }, `Snapshots of ${ref}`),
      h('thead', null, h('tr', null, ['Name', 'Parent', 'Taken', 'RAM', 'State', 'Description', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody)),
    message, form);
  void load().catch((e) => { message.textContent = (e as Error).message; });
  return {
    element,
    // RAM can be saved only from a running VM; the guest page tells when that changes.
    update: (running) => {
      memory.disabled = viewer || kind !== 'vm' || !running;
      if (memory.disabled) memory.checked = false;
    },
  };
}
