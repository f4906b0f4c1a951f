import { api } from '../api';
import type { AuditEntryView } from '../api-types';
import { field, h, replace } from '../dom';

const col = (...names: string[]) => h('thead', null, h('tr', null, names.map((n) => h('th', { scope: 'col' }, n))));
const spans: [string, number | null][] = [['the last hour', 3600], ['the last day', 86400], ['the last week', 7 * 86400], ['the last 30 days', 30 * 86400], ['all kept', null]];

/** The audit log, for admins: who changed what, from where, and how it ended; newest first, filtered by caller and time. */
export async function auditPage(main: HTMLElement): Promise<void> {
  const tbody = h('tbody');
  const user = h('input', { autocomplete: 'off', placeholder: 'alice, token:ci or root@local' });
  const since = h('select', null, spans.map(([label, seconds], i) => h('option', { value: String(seconds ?? ''), selected: i === 1 }, label)));
  const count = h('p', { role: 'status', 'aria-live': 'polite', class: 'muted' });

  const load = async () => {
    const query = new URLSearchParams();
    if (user.value.trim()) query.set('user', user.value.trim());
    if (since.value) query.set('since', new Date(Date.now() - Number(since.value) * 1000).toISOString());
    const entries = await api<AuditEntryView[]>('GET', `/audit?${query}`);
    count.textContent = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
    replace(tbody, entries.length === 0 ? h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'Nothing was changed in this time.'))
      : entries.map((e) => h('tr', { class: e.status >= 400 ? 'refused' : null },
        h('td', null, new Date(e.time).toLocaleString()), h('td', null, e.user), h('td', null, e.source),
        h('td', null, h('code', null, `${e.method} ${e.path}`)), h('td', null, e.guest ?? '-'),
        h('td', { 'data-testid': 'status' }, String(e.status)), h('td', null, e.taskId ?? '-'))));
  };

  const form = h('form', { class: 'edit audit-filter', 'aria-label': 'Filter the audit log' },
    field('Caller', user, 'a user, token:NAME or root@local; empty for everyone'), field('Since', since),
    h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (e) => { e.preventDefault(); void load(); });

  main.append(h('h1', null, 'Audit log'), h('div', { class: 'stack' },
    h('section', { class: 'card wide', 'aria-labelledby': 'audit-title' },
      h('h2', { id: 'audit-title' }, 'State changes, newest first'), form, count,
      h('div', { class: 'table-wrap' }, h('table', { class: 'audit' },
        h('caption', { class: 'sr-only' }, 'Each change with its time, caller, source, request, guest, status and task'),
        col('Time', 'Caller', 'From', 'Request', 'Guest', 'Status', 'Task'), tbody)))));
  await load();
}
