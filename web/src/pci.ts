import type { PciDevice } from './types';

export interface PciGroup { group: number | null; title: string; devices: PciDevice[] }

/** Devices by IOMMU group, in group order; devices without a group (the IOMMU is off) come last, together. */
export function pciGroups(devices: PciDevice[]): PciGroup[] {
  const byGroup = new Map<number | null, PciDevice[]>();
  for (const d of devices) {
    const key = d.iommuGroup ?? null;
    byGroup.set(key, [...(byGroup.get(key) ?? []), d]);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([group, list]) => ({ group, title: group === null ? 'No IOMMU group' : `IOMMU group ${group}`, devices: list }));
}

/** "Intel Corporation 82540EM Gigabit Ethernet Controller", the way lspci names a device. */
export const pciName = (d: PciDevice): string => `${d.vendor} ${d.device}`;
