import { api, canOperate, type Method } from '../api';
import { field, h, replace } from '../dom';
import { runLabelled } from '../tasks';
import type { CloneRequest, SnapshotView } from '../api-types';

export interface ClonePanel { element: HTMLElement; update: (state: { running: boolean; template: boolean }) => void }

/**
 * Clone a guest (fully, or linked to a template's disks, optionally as it was at a snapshot) and turn a stopped
 * guest into a template, as Proxmox's Clone and Convert to template do. Both run as tasks in the task panel;
 * a finished clone opens the new guest's page.
 */
export function clonePanel(kind: 'vm' | 'ct', ref: string, reload: () => Promise<void>): ClonePanel {
  const viewer = !canOperate();
  const why = viewer ? 'Your role (viewer) cannot change guests' : null;
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const name = h('input', { required: true, maxlength: 63, pattern: '[a-z0-9][a-z0-9\\-]*', disabled: viewer, autocomplete: 'off' });
  const from = h('select', { disabled: viewer }, h('option', { value: '' }, 'Current state'));
  const linked = h('input', { type: 'checkbox', disabled: true });
  const cloneButton = h('button', { type: 'submit', class: 'primary', disabled: viewer, title: why }, 'Clone');
  const templateButton = h('button', { type: 'button', disabled: true, title: why }, 'Convert to template');
  const linkedHint = 'templates only: the clone shares the template\'s disks and is made at once';
  const form = h('form', { class: 'edit clone-form', 'aria-label': 'Clone this guest' },
    field('Clone name', name, 'lowercase letters, digits and dashes'),
    field('Clone from', from),
    h('div', { class: 'field check' }, h('label', null, linked, ' Linked clone'), h('small', null, linkedHint)),
    cloneButton);
  let busy = false;

  // A linked clone always follows the template as it is now (the API refuses a snapshot with it).
  linked.addEventListener('change', () => {
    from.disabled = viewer || linked.checked;
    if (linked.checked) from.value = '';
  });

  const loadSnapshots = async () => {
    const snaps = await api<SnapshotView[]>('GET', `/guests/${encodeURIComponent(ref)}/snapshots`);
    replace(from, h('option', { value: '' }, 'Current state'),
      snaps.map((s) => h('option', { value: s.name }, `Snapshot ${s.name}`)));
  };

  const run = async (label: string, method: Method, path: string, body?: CloneRequest): Promise<boolean> => {
    busy = true;
    try {
      return await runLabelled(message, label, method, path, body);
    } finally {
      busy = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const clone = name.value.trim();
    const body: CloneRequest = { name: clone, linked: linked.checked, snapshot: from.value || null };
    void run(`Clone to ${clone}`, 'POST', `/guests/${encodeURIComponent(ref)}/clone`, body).then((ok) => {
      if (ok) location.hash = `#/guests/${kind}/${encodeURIComponent(clone)}`;
    });
  });

  templateButton.addEventListener('click', () => {
    if (busy || !window.confirm(`Turn ${ref} into a template? A template cannot start; clone it instead.`)) return;
    void run('Convert to template', 'POST', `/${kind}s/${encodeURIComponent(ref)}/template`).then(() => reload());
  });

  const element = h('section', { class: 'card', 'aria-labelledby': 'clone-title' },
    h('h2', { id: 'clone-title' }, 'Clone and template'), form, h('div', { class: 'actions' }, templateButton), message);
  void loadSnapshots().catch(() => undefined);
  return {
    element,
    update: ({ running, template }) => {
      linked.disabled = viewer || !template;
      if (linked.disabled && linked.checked) { linked.checked = false; from.disabled = viewer; }
      templateButton.disabled = viewer || running || template;
      templateButton.title = why ?? (template ? 'Already a template' : running ? 'Stop the guest first' : '');
    },
  };
}
