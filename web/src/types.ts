// Wire types of the REST API (/api/v1), as documented in docs/api.md and the OpenAPI document.
export interface Session { user: string; role: string; csrfToken?: string }
export interface Problem { title?: string; status?: number; detail?: string }
export interface GuestSummary { id: number; name: string; type: 'vm' | 'ct'; status: string; cpus: number; memoryMiB: number; template: boolean; lock?: string }
export interface Pool { name: string; type: string; path: string; totalBytes: number; availableBytes: number; default: boolean }
export interface HostInfo {
  hostname: string; kernel: string; cpuModel: string; cpuCount: number; loadAverage?: number; memoryTotalBytes: number; memoryAvailableBytes: number;
  qemuVersion?: string; kvm: { devicePresent: boolean; usable?: boolean; autoAccel?: string; detail: string }; pools: Pool[]; carveVersion: string;
  resources?: ResourceUsage;
}
export interface ResourceUsage {
  reservedMemoryBytes: number; reservedCpus: number[]; guestCpus: number[]; overcommit: number; guestMemoryLimitBytes: number;
  committedMemoryBytes: number; freeMemoryBytes: number; runningGuests: number; committedCpus: number;
}
export interface CheckFinding { check: string; verdict: 'ok' | 'warn' | 'fail'; detail: string; fix?: string | null }
export interface HostCheckReport { findings: CheckFinding[]; verdict: 'ok' | 'warn' | 'fail' }
export interface PciDevice {
  address: string; id: string; vendor: string; device: string; class: string; driver?: string | null; iommuGroup?: number | null;
  groupMembers: string[]; passthrough: boolean; reason: string; assignedTo?: string | null;
}
export interface UsbDevice { port: string; id: string; vendor: string; product: string; speed?: string | null; rootHub: boolean }
export interface HostPciSpec { address: string; romBar?: boolean | null; primaryGpu: boolean }
export interface TaskLogLine { time: string; text: string }
export interface TaskView {
  id: string; type: string; guest?: string; guestId?: number; user: string; status: string; progress: number; error?: string;
  createdAt: string; startedAt?: string; finishedAt?: string; log?: TaskLogLine[];
}
export interface TaskEvent { kind: 'log' | 'progress' | 'status'; text?: string; progress: number; status?: string; error?: string; time: string }
export interface TaskAccepted { taskId: string; status: string }
export interface DiskView { name: string; pool: string; volume: string; format: string; virtualSizeBytes: number; allocatedBytes?: number }
/** A NIC as the API shows it: ip is its reserved address on a NAT network, publish its forwarded ports. */
export interface NicView { name: string; network: string; model: string; mac: string; vlan?: number; ip?: string; publish: string[] }
export interface VmView {
  id: number; name: string; status: string; template: boolean; lock?: string; createdAt: string; pendingChanges: string[];
  config: { cpus: number; memoryMiB: number; firmware: string; accel: string; cdrom?: string; kernel?: string; initrd?: string; cmdline?: string;
    nics: NicView[]; description?: string; hostPci: HostPciSpec[]; hostUsb: string[] };
  disks: DiskView[];
  runtime?: { pid?: number; uptimeSeconds?: number; qmpStatus?: string; cpuSeconds?: number; memoryRssBytes?: number; accel?: string; accelNote?: string };
}
export interface CtView {
  id: number; name: string; status: string; template: boolean; lock?: string; createdAt: string;
  config: { cpus: number; memoryMiB: number; hostname: string; privileged: boolean; template: string;
    mounts: { host: string; guest: string; readOnly: boolean }[]; nics: NicView[]; description?: string };
  runtime?: { initPid?: number; uptimeSeconds?: number; cpuSeconds?: number; memoryBytes?: number; memoryLimitBytes?: number; oomKills?: number };
}
export interface ImageView { name: string; path: string; kind: 'iso' | 'kernel' | 'initrd' | 'disk'; sizeBytes: number }
export interface TemplateView { name: string; source: string; ready: boolean; sizeBytes?: number; description?: string }
export interface ConsoleTicket { ticket: string; path: string; expiresAt: string }
export interface SnapshotView { name: string; parent?: string | null; createdAt: string; memory: boolean; description?: string | null; state: string; current: boolean }
export interface LeaseView { mac: string; ip: string; hostname?: string; expiresAt?: string }
export interface NetworkView {
  name: string; type: 'nat' | 'bridge'; bridge: string; subnet?: string; gateway?: string; uplink?: string; adopted: boolean;
  users: string[]; leases: LeaseView[]; createdAt: string;
}
