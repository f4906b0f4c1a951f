import { api, canOperate } from '../api';
import { field, h } from '../dom';
import { runTask } from '../tasks';
import type { CtView, SetCtRequest, SetVmRequest, TaskAccepted, VmView } from '../api-types';
import { pciPicker } from './pci-picker';

/** CPU, memory and (for VMs) disk growth and host PCI devices: a PATCH whose task shows in the panel. */
export function editForm(kind: 'vm' | 'ct', base: string, g: VmView | CtView, reload: () => Promise<void>): HTMLFormElement {
  const cpus = h('input', { type: 'number', min: 1, max: 256, required: true, value: String(g.config.cpus) });
  const memory = h('input', { type: 'number', min: 16, step: 16, required: true, value: String(g.config.memoryMiB) });
  const description = h('input', { maxlength: 1000, value: g.config.description ?? '' });
  const disks = 'disks' in g ? g.disks : [];
  const disk = h('select', null, h('option', { value: '' }, 'No change'), disks.map((d) => h('option', { value: d.name }, d.name)));
  const grow = h('input', { placeholder: '+1G', pattern: '\\+?[0-9]+[KMGT]?' });
  const pci = 'disks' in g ? pciPicker(g.config.hostPci) : null;
  const status = h('p', { role: 'status' });
  const save = h('button', { type: 'submit', class: 'primary', disabled: !canOperate() }, 'Save');
  const form = h('form', { class: 'edit' },
    field('CPUs', cpus), field('Memory (MiB)', memory), field('Description', description),
    kind === 'vm' && disks.length > 0 ? [field('Grow disk', disk), field('By or to', grow, 'e.g. +1G, or 16G')] : null,
    pci?.element, save, status);
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const common: SetCtRequest = { cpus: Number(cpus.value), memoryMiB: Number(memory.value), description: description.value };
    const body: SetVmRequest | SetCtRequest = kind === 'vm' ? {
      ...common,
      resizeDisks: disk.value && grow.value ? [{ disk: disk.value, size: grow.value }] : undefined,
      hostPci: pci?.changed() ?? undefined,
    } satisfies SetVmRequest : common;
    save.disabled = true;
    status.textContent = 'Saving...';
    try {
      const accepted = await api<TaskAccepted>('PATCH', base, body);
      const task = await runTask(accepted.taskId);
      status.textContent = task.status === 'succeeded' ? 'Saved.' : `Failed: ${task.error ?? ''}`;
      if (task.status === 'succeeded') pci?.saved();
      await reload();
    } catch (err) {
      status.textContent = (err as Error).message;
    } finally {
      save.disabled = !canOperate();
    }
  };
  form.addEventListener('submit', (e) => void onSubmit(e));
  return form;
}
