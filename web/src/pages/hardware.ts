import { api } from '../api';
import { h } from '../dom';
import { pciGroups, pciName } from '../pci';
import type { HostCheckReport, HostInfo, PciDeviceView, UsbDeviceView } from '../api-types';
import { resourcesCard } from './resources';

const col = (...names: string[]) => h('thead', null, h('tr', null, names.map((n) => h('th', { scope: 'col' }, n))));
const verdict = (v: string) => h('span', { class: `badge verdict-${v}` }, v.toUpperCase());

/** The host's readiness report, its reservation, and its PCI (by IOMMU group) and USB devices. */
export async function hardwarePage(main: HTMLElement): Promise<void> {
  const [report, host, pci, usb] = await Promise.all([
    api<HostCheckReport>('GET', '/host/check'), api<HostInfo>('GET', '/host'),
    api<PciDeviceView[]>('GET', '/host/pci'), api<UsbDeviceView[]>('GET', '/host/usb')]);
  main.append(
    h('h1', null, 'Hardware'),
    h('div', { class: 'stack' }, checkCard(report), resourcesCard(host.resources), pciCard(pci), usbCard(usb)));
}

function checkCard(report: HostCheckReport): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, 'Readiness check'),
    h('p', { 'data-testid': 'check-verdict' }, 'Overall: ', verdict(report.verdict)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'findings' },
      h('caption', { class: 'sr-only' }, 'Findings of the hardware check, with a fix for each problem'),
      col('Check', 'Verdict', 'Finding', 'Fix'),
      h('tbody', null, report.findings.map((f) => h('tr', { 'data-check': f.check },
        h('th', { scope: 'row', class: 'nowrap' }, f.check), h('td', null, verdict(f.verdict)),
        h('td', null, f.detail), h('td', null, f.fix ?? '-')))))));
}

function pciCard(devices: PciDeviceView[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'pci-title' },
    h('h2', { id: 'pci-title' }, 'PCI devices'),
    h('p', { class: 'muted' }, `${devices.length} devices, ${devices.filter((d) => d.passthrough).length} can be passed through. `
      + 'A VM gets every device of an IOMMU group together.'),
    devices.length === 0 ? h('p', { class: 'muted' }, 'No PCI devices found.') : null,
    pciGroups(devices).map((g) => {
      const id = `pci-group-${g.group ?? 'none'}`;
      return h('section', { class: 'pci-group', 'aria-labelledby': id, 'data-group': g.group ?? 'none' },
        h('h3', { id }, g.title),
        h('div', { class: 'table-wrap' }, h('table', null,
          h('caption', { class: 'sr-only' }, `Devices of ${g.title}`),
          col('Address', 'Device', 'Class', 'Driver', 'Passthrough', 'Why'),
          h('tbody', null, g.devices.map((d) => h('tr', { 'data-address': d.address },
            h('th', { scope: 'row', class: 'nowrap' }, h('code', null, d.address)),
            h('td', null, pciName(d), ' ', h('span', { class: 'muted' }, `[${d.id}]`)),
            h('td', null, d.class),
            h('td', null, d.driver ?? 'none'),
            h('td', { 'data-testid': 'passthrough' }, h('span', { class: `badge pass-${d.passthrough ? 'yes' : 'no'}` }, d.passthrough ? 'yes' : 'no'),
              d.assignedTo ? ` (VM ${d.assignedTo})` : null),
            h('td', { 'data-testid': 'reason' }, d.reason)))))));
    }));
}

function usbCard(devices: UsbDeviceView[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': 'usb-title' },
    h('h2', { id: 'usb-title' }, 'USB devices'),
    devices.length === 0 ? h('p', { class: 'muted', 'data-testid': 'no-usb' }, 'No USB devices on this host.') : h('div', { class: 'table-wrap' }, h('table', null,
      h('caption', { class: 'sr-only' }, 'USB devices, by port and by id (what a VM\'s host USB setting takes)'),
      col('Port', 'ID', 'Vendor', 'Product', 'Speed'),
      h('tbody', null, devices.map((d) => h('tr', { 'data-port': d.port },
        h('th', { scope: 'row' }, h('code', null, d.port)), h('td', null, h('code', null, d.id)),
        h('td', null, d.vendor), h('td', null, d.product, d.rootHub ? ' (root hub)' : null), h('td', null, d.speed ? `${d.speed} Mbit/s` : '-')))))));
}
