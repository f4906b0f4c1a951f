import { bytes, h, meter } from '../dom';
import type { ResourceUsage } from '../api-types';

const cores = (list: number[]): string => (list.length === 0 ? 'none' : list.join(', '));

/** What the host keeps for itself, what running guests hold and what is left: admission control's numbers. */
export function resourcesCard(r: ResourceUsage | null | undefined): HTMLElement {
  const body = r === undefined || r === null
    ? [h('p', { class: 'muted' }, 'This daemon reports no reservation.')]
    : [
      h('dl', { class: 'facts', 'data-testid': 'resources' },
        h('dt', null, 'Reserved memory'), h('dd', null, r.reservedMemoryBytes > 0 ? bytes(r.reservedMemoryBytes) : 'none'),
        h('dt', null, 'Reserved cores'), h('dd', null, cores(r.reservedCpus)),
        h('dt', null, 'Guest cores'), h('dd', null, cores(r.guestCpus)),
        h('dt', null, 'Overcommit'), h('dd', null, `${r.overcommit}x`),
        h('dt', null, 'Running guests'), h('dd', null, `${r.runningGuests}, holding ${r.committedCpus} vCPUs`),
        h('dt', null, 'Free for guests'), h('dd', null, bytes(r.freeMemoryBytes))),
      meter('Guest memory', r.committedMemoryBytes, r.guestMemoryLimitBytes,
        `${bytes(r.committedMemoryBytes)} committed of ${bytes(r.guestMemoryLimitBytes)}`),
    ];
  return h('section', { class: 'card', 'aria-labelledby': 'resources-title' },
    h('h2', { id: 'resources-title' }, 'Reservation'), body);
}
