import { api, canOperate } from '../api';
import { h, replace } from '../dom';
import { pciGroups, pciName } from '../pci';
import type { HostPciSpec, PciDeviceView } from '../api-types';

/** The VM's host PCI devices, picked from the host's list by IOMMU group; saved with the rest of the settings. */
export interface PciPicker {
  element: HTMLElement;
  /** The new list for the VM set API's hostPci, or null when it is as saved. */
  changed(): HostPciSpec[] | null;
  /** Marks the current choice as saved. */
  saved(): void;
}

interface Choice { address: string; box: HTMLInputElement; romBar: HTMLSelectElement; primaryGpu: HTMLInputElement }

const key = (list: HostPciSpec[]) => JSON.stringify(list.map((s) => [s.address, s.romBar ?? null, s.primaryGpu]));

export function pciPicker(current: HostPciSpec[]): PciPicker {
  let saved = current;
  let choices: Choice[] = [];
  const body = h('div', null, h('p', { class: 'muted' }, 'Loading the host\'s PCI devices...'));
  const element = h('fieldset', { class: 'pci-picker' },
    h('legend', null, 'Host PCI devices'),
    h('p', { class: 'muted' }, 'Passthrough gives the VM the real device. Every device of an IOMMU group goes to the VM together; '
      + 'changes apply at the next start.'),
    body);

  const choice = (d: PciDeviceView, id: string): HTMLElement => {
    const spec = saved.find((s) => s.address === d.address);
    // A device the VM already has stays changeable, so that one the host can no longer give can still be removed.
    const usable = canOperate() && (d.passthrough || spec !== undefined);
    const box = h('input', { type: 'checkbox', id, value: d.address, checked: spec !== undefined, disabled: !usable, 'aria-describedby': `${id}-why` });
    const romBar = h('select', { 'aria-label': `ROM BAR of ${d.address}` },
      h('option', { value: '' }, 'ROM BAR: default'), h('option', { value: 'on' }, 'ROM BAR: on'), h('option', { value: 'off' }, 'ROM BAR: off'));
    romBar.value = spec?.romBar === true ? 'on' : spec?.romBar === false ? 'off' : '';
    const primaryGpu = h('input', { type: 'checkbox', checked: spec?.primaryGpu ?? false });
    const options = h('div', { class: 'pci-options', hidden: !box.checked || !usable },
      romBar, h('label', { class: 'choice' }, primaryGpu, 'Primary GPU (the VM\'s display)'));
    box.addEventListener('change', () => { options.hidden = !box.checked; });
    choices.push({ address: d.address, box, romBar, primaryGpu });
    const others = d.groupMembers.length > 0 ? ` Goes together with ${d.groupMembers.join(', ')}.` : '';
    return h('div', { class: `pci-choice${usable ? '' : ' unavailable'}`, 'data-address': d.address },
      h('label', { class: 'choice', for: id }, box, h('span', null, h('code', null, d.address), ` ${pciName(d)} (${d.class})`)),
      h('small', { id: `${id}-why`, 'data-testid': 'reason' }, d.passthrough ? '' : 'Cannot be passed through: ', d.reason, others),
      options);
  };

  const load = async () => {
    const devices = await api<PciDeviceView[]>('GET', '/host/pci');
    // A device the VM has but the host no longer shows is listed too, so it can be taken off.
    const missing = saved.filter((s) => !devices.some((d) => d.address === s.address)).map((s): PciDeviceView => ({
      address: s.address, id: '?', vendor: 'Unknown', device: 'device', class: 'not found on this host', groupMembers: [],
      passthrough: false, reason: 'The host has no device at this address, so the VM cannot start with it.' }));
    choices = [];
    replace(body, pciGroups(devices).map((g) => h('fieldset', { class: 'pci-group', 'data-group': g.group ?? 'none' },
      h('legend', null, g.title, g.devices.length > 1 && g.group !== null ? ` (${g.devices.length} devices, passed through together)` : ''),
      g.devices.map((d, i) => choice(d, `pci-${g.group ?? 'none'}-${i}`)))),
    missing.length > 0 ? h('fieldset', { class: 'pci-group' }, h('legend', null, 'Not on this host'),
      missing.map((d, i) => choice(d, `pci-missing-${i}`))) : null,
    devices.length === 0 ? h('p', { class: 'muted' }, 'This host has no PCI devices.') : null);
  };
  void load().catch((e: Error) => replace(body, h('p', { class: 'error', role: 'alert' }, `Could not list PCI devices: ${e.message}`)));

  const chosen = (): HostPciSpec[] => {
    const picked = choices.filter((c) => c.box.checked).map((c): HostPciSpec => ({
      address: c.address, romBar: c.romBar.value === '' ? null : c.romBar.value === 'on', primaryGpu: c.primaryGpu.checked }));
    // Keep the saved order (the first device is the VM's first host device), new ones after it.
    const rank = (s: HostPciSpec) => { const i = saved.findIndex((o) => o.address === s.address); return i < 0 ? saved.length : i; };
    return picked.sort((a, b) => rank(a) - rank(b));
  };
  return {
    element,
    changed: () => (choices.length === 0 || key(chosen()) === key(saved) ? null : chosen()),
    saved: () => { saved = chosen(); },
  };
}
