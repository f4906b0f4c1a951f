import { api, type Method } from './api';
import type { RequestBody, TaskAccepted, TaskEvent, TaskView } from './api-types';
import { h, keyedList, replace, setText } from './dom';
import { type Poller, pollStatus, startPolling } from './poll';

// The task panel at the bottom of every page, like Proxmox's: recent tasks, and one task's live progress and log.
const panel = h('section', { class: 'tasks', 'aria-label': 'Tasks' });
const list = h('ul', { class: 'task-list' });
const detail = h('div', { class: 'task-detail', 'aria-live': 'polite' });
const pollLine = pollStatus();
let followed: { id: string; source: EventSource } | null = null;
// The task open in the panel: a new page stops following it, and the panel on that page picks it up again.
let shown: string | null = null;
let poller: Poller | null = null;

// A row per task, kept across refreshes so that a focused task button keeps its focus.
const rows = keyedList<TaskView>(list, (t) => t.id, (t) => {
  const type = h('span', { class: 'task-type' }, t.type);
  const guest = h('span', null, t.guest ?? '');
  const state = h('span', { class: 'task-status' });
  const button = h('button', { class: 'task-row', onclick: () => void showTask(t.id) }, type, guest, state);
  return {
    element: h('li', null, button),
    update: (now) => {
      button.className = `task-row status-${now.status}`;
      button.setAttribute('aria-label', `${now.type} ${now.guest ?? ''}: ${now.status}`);
      setText(state, now.status === 'running' ? `${now.progress}%` : now.status);
    },
  };
});

export function taskPanel(): HTMLElement {
  replace(panel,
    h('h2', null, 'Tasks'),
    pollLine,
    h('div', { class: 'task-body' }, list, detail));
  poller?.stop();
  poller = startPolling(load, { every: 3000, what: 'the task list', status: pollLine });
  // Its end may have come while no page followed it (the wizard moves on as its task ends): show it as it is now.
  if (shown) void showTask(shown).catch(() => undefined);
  return panel;
}

export function stopTaskPanel(): void {
  poller?.stop();
  poller = null;
  stopFollowing();
}

function stopFollowing(): void {
  followed?.source.close();
  followed = null;
}

async function load(): Promise<void> {
  rows(await api<TaskView[]>('GET', '/tasks?limit=8'));
}

/** The task list again, now (or right after the refresh in flight). */
const refresh = (): Promise<void> => poller?.refresh() ?? Promise.resolve();

/** Opens a task in the panel and follows its event stream until it ends. */
export async function showTask(id: string): Promise<void> {
  stopFollowing();
  shown = id;
  const task = await api<TaskView>('GET', `/tasks/${encodeURIComponent(id)}`);
  if (shown !== id) return;
  const progress = h('progress', { max: 100, value: task.progress, 'aria-label': 'Progress' });
  const status = h('span', { class: `badge status-${task.status}`, 'data-testid': 'task-status' }, task.status);
  const log = h('pre', { class: 'task-log', tabindex: 0, 'aria-label': 'Task log' },
    (task.log ?? []).map((l) => `${new Date(l.time).toLocaleTimeString()} ${l.text}\n`));
  const error = h('p', { class: 'error', role: 'alert' }, task.error ?? '');
  replace(detail,
    h('h3', null, `${task.type} ${task.guest ?? ''}`, ' ', status),
    h('p', { class: 'muted' }, `by ${task.user}, ${new Date(task.createdAt).toLocaleString()} (task ${task.id})`),
    progress, error, log);
  if (task.status === 'succeeded' || task.status === 'failed') return;
  // The server replays the log from the start, so start from an empty one.
  log.textContent = '';
  stopFollowing(); // a second showTask of this task that fetched it at the same time
  const source = new EventSource(`/api/v1/tasks/${encodeURIComponent(id)}/events`);
  followed = { id, source };
  source.onmessage = (m) => {
    const e = JSON.parse(m.data as string) as TaskEvent;
    if (e.kind === 'log') log.append(`${new Date(e.time).toLocaleTimeString()} ${e.text ?? ''}\n`);
    if (e.kind === 'progress') progress.value = e.progress;
    if (e.kind === 'status' && e.status) {
      status.textContent = e.status;
      status.className = `badge status-${e.status}`;
      if (e.status === 'succeeded') progress.value = 100;
      if (e.error) error.textContent = e.error;
      if (e.status === 'succeeded' || e.status === 'failed') { source.close(); void refresh(); }
    }
  };
  // A dropped stream (a restarted daemon, a proxy's timeout) is not the task's end: look again in a moment.
  source.onerror = () => {
    source.close();
    setTimeout(() => { if (followed?.source === source) void showTask(id).catch(() => undefined); }, 3000);
  };
}

/** Shows a task in the panel and resolves when it has ended. */
export async function runTask(taskId: string): Promise<TaskView> {
  void showTask(taskId);
  void refresh();
  for (;;) {
    const t = await api<TaskView>('GET', `/tasks/${encodeURIComponent(taskId)}/wait?timeout=60`);
    if (t.status === 'succeeded' || t.status === 'failed') { void refresh(); return t; }
  }
}

/** Submits a change, follows its task, and says in `message` how it went: "Label...", "Label: done." or why it failed. */
export async function runLabelled(message: HTMLElement, label: string, method: Method, path: string, body?: RequestBody): Promise<boolean> {
  message.textContent = `${label}...`;
  try {
    const task = await runTask((await api<TaskAccepted>(method, path, body)).taskId);
    message.textContent = task.status === 'succeeded' ? `${label}: done.` : `${label} failed: ${task.error ?? ''}`;
    return task.status === 'succeeded';
  } catch (e) {
    message.textContent = `${label} failed: ${(e as Error).message}`;
    return false;
  }
}
