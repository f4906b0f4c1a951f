import { api } from './api';
import { h, replace } from './dom';
import type { TaskAccepted, TaskEvent, TaskView } from './types';

// The task panel at the bottom of every page, like Proxmox's: recent tasks, and one task's live progress and log.
const panel = h('section', { class: 'tasks', 'aria-label': 'Tasks' });
const list = h('ul', { class: 'task-list' });
const detail = h('div', { class: 'task-detail', 'aria-live': 'polite' });
let followed: { id: string; source: EventSource } | null = null;
let timer: number | undefined;

export function taskPanel(): HTMLElement {
  replace(panel,
    h('h2', null, 'Tasks'),
    h('div', { class: 'task-body' }, list, detail));
  void refresh();
  window.clearInterval(timer);
  timer = window.setInterval(() => void refresh(), 3000);
  return panel;
}

export function stopTaskPanel(): void {
  window.clearInterval(timer);
  followed?.source.close();
  followed = null;
}

async function refresh(): Promise<void> {
  let tasks: TaskView[];
  try {
    tasks = await api<TaskView[]>('GET', '/tasks?limit=8');
  } catch {
    return;
  }
  replace(list, tasks.map((t) => h('li', null,
    h('button', { class: `task-row status-${t.status}`, 'aria-label': `${t.type} ${t.guest ?? ''}: ${t.status}`, onclick: () => showTask(t.id) },
      h('span', { class: 'task-type' }, t.type),
      h('span', null, t.guest ?? ''),
      h('span', { class: 'task-status' }, t.status === 'running' ? `${t.progress}%` : t.status)))));
}

/** Opens a task in the panel and follows its event stream until it ends. */
export async function showTask(id: string): Promise<void> {
  followed?.source.close();
  const task = await api<TaskView>('GET', `/tasks/${encodeURIComponent(id)}`);
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
  source.onerror = () => source.close();
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
export async function runLabelled(message: HTMLElement, label: string, method: string, path: string, body?: unknown): Promise<boolean> {
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
