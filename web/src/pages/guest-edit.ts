import { api, canOperate } from '../api';
import { field, h } from '../dom';
import { runTask } from '../tasks';
import type { CtView, SetCtRequest, SetVmRequest, TaskAccepted, VmView } from '../api-types';
import { pciPicker } from './pci-picker';

/** CPU, memory, (for VMs) disk growth and host PCI devices, and the boot policy: a PATCH whose task shows in the panel. */
export function editForm(kind: 'vm' | 'ct', base: string, g: VmView | CtView, reload: () => Promise<void>): HTMLFormElement {
  const cpus = h('input', { type: 'number', min: 1, max: 256, required: true, value: String(g.config.cpus) });
  const memory = h('input', { type: 'number', min: 16, step: 16, required: true, value: String(g.config.memoryMiB) });
  const description = h('input', { maxlength: 1000, value: g.config.description ?? '' });
  const disks = 'disks' in g ? g.disks : [];
  const disk = h('select', null, h('option', { value: '' }, 'No change'), disks.map((d) => h('option', { value: d.name }, d.name)));
  const grow = h('input', { placeholder: '+1G', pattern: '\\+?[0-9]+[KMGT]?' });
  const pci = 'disks' in g ? pciPicker(g.config.hostPci) : null;
  const boot = g.config.boot;
  const onBoot = h('input', { type: 'checkbox', checked: boot.onBoot === true });
  const order = h('input', { type: 'number', min: 0, max: 1000000, value: boot.order == null ? '' : String(boot.order) });
  const up = h('input', { type: 'number', min: 0, max: 86400, value: boot.upSeconds == null ? '' : String(boot.upSeconds) });
  const ready = h('input', { maxlength: 100, placeholder: 'login:', value: boot.ready ?? '' });
  const down = h('input', { type: 'number', min: 0, max: 86400, value: boot.downSeconds == null ? '' : String(boot.downSeconds) });
  const restart = h('input', { type: 'checkbox', checked: boot.restart === 'on-crash' });
  const status = h('p', { role: 'status' });
  const save = h('button', { type: 'submit', class: 'primary', disabled: !canOperate() }, 'Save');
  const form = h('form', { class: 'edit' },
    field('CPUs', cpus), field('Memory (MiB)', memory), field('Description', description),
    kind === 'vm' && disks.length > 0 ? [field('Grow disk', disk), field('By or to', grow, 'e.g. +1G, or 16G')] : null,
    pci?.element,
    field('Start with the host', onBoot), field('Start order', order, 'lower starts first and stops last'),
    field('Wait after start (s)', up, 'with a ready text: the most to wait for it'),
    field('Ready when it prints', ready, 'on its console; the next guest starts then'),
    field('Shutdown timeout (s)', down, 'at a host shutdown'),
    field('Restart on crash', restart),
    save, status);
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const common: SetCtRequest = {
      cpus: Number(cpus.value), memoryMiB: Number(memory.value), description: description.value,
      boot: {
        onBoot: onBoot.checked, restart: restart.checked ? 'on-crash' : 'no',
        order: optional(order), upSeconds: optional(up), downSeconds: optional(down), ready: ready.value,
      },
    };
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

/** An empty number field leaves the setting as it is. */
function optional(input: HTMLInputElement): number | undefined {
  return input.value === '' ? undefined : Number(input.value);
}
