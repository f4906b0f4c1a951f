import type { PciDeviceView } from './api-types';

export interface PciGroup { group: number | null; title: string; devices: PciDeviceView[] }

/** Devices by IOMMU group, in group order; devices without a group (the IOMMU is off) come last, together. */
export function pciGroups(devices: PciDeviceView[]): PciGroup[] {
  const byGroup = new Map<number | null, PciDeviceView[]>();
  for (const d of devices) {
    const key = d.iommuGroup ?? null;
    byGroup.set(key, [...(byGroup.get(key) ?? []), d]);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([group, list]) => ({ group, title: group === null ? 'No IOMMU group' : `IOMMU group ${group}`, devices: list }));
}

/** "Intel Corporation 82540EM Gigabit Ethernet Controller", the way lspci names a device. */
export const pciName = (d: PciDeviceView): string => `${d.vendor} ${d.device}`;
