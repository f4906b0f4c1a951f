import { api } from '../api';
import { bytes, field, h, replace } from '../dom';
import { runTask } from '../tasks';
import type { CreateCtRequest, CreateVmRequest, ImageView, NetworkView, TaskAccepted, TemplateView } from '../api-types';

/** A short wizard: what kind of guest, its name and size, what it boots from; sensible defaults everywhere. */
export async function createPage(main: HTMLElement): Promise<void> {
  const [images, templates, networks] = await Promise.all([
    api<ImageView[]>('GET', '/images'), api<TemplateView[]>('GET', '/templates'), api<NetworkView[]>('GET', '/networks')]);
  const ofKind = (kind: string) => images.filter((i) => i.kind === kind);
  const options = (list: ImageView[], none?: string) => [
    none ? h('option', { value: '' }, none) : null,
    list.map((i) => h('option', { value: i.path }, `${i.name} (${bytes(i.sizeBytes)})`))];

  const kindVm = h('input', { type: 'radio', name: 'kind', value: 'vm', checked: true });
  const kindCt = h('input', { type: 'radio', name: 'kind', value: 'ct' });
  const name = h('input', { name: 'name', required: true, pattern: '[a-z0-9][a-z0-9\\-]{0,62}', autocomplete: 'off' });
  const cpus = h('input', { type: 'number', min: 1, max: 256, value: '1', required: true });
  const memory = h('input', { type: 'number', min: 16, step: 16, value: '512', required: true });
  const start = h('input', { type: 'checkbox', checked: true });
  // One NIC on a chosen network; the default is what the API does without one (user-mode NAT for a VM, none for a container).
  const network = h('select', null, h('option', { value: '' }, 'Default'),
    networks.map((n) => h('option', { value: n.name }, `${n.name} (${n.type === 'nat' ? `NAT ${n.subnet ?? ''}` : `bridge on ${n.uplink ?? n.bridge}`})`)));

  const boot = h('select', null,
    h('option', { value: 'iso' }, 'Install from an ISO'), h('option', { value: 'kernel' }, 'Boot a kernel directly'),
    h('option', { value: 'import' }, 'Import a disk image'), h('option', { value: 'none' }, 'Empty disk only'));
  const iso = h('select', null, options(ofKind('iso'), ofKind('iso').length ? undefined : 'No ISOs found'));
  const kernel = h('select', null, options(ofKind('kernel'), ofKind('kernel').length ? undefined : 'No kernels found'));
  const initrd = h('select', null, options(ofKind('initrd'), 'None'));
  const cmdline = h('input', { value: 'console=tty0 console=ttyS0' });
  const imported = h('select', null, options(ofKind('disk'), ofKind('disk').length ? undefined : 'No disk images found'));
  const diskSize = h('input', { value: '8G', pattern: '([0-9]+[KMGT]?)?' });
  const template = h('select', null, templates.map((t) =>
    h('option', { value: t.name, disabled: !t.ready }, `${t.name}${t.ready ? '' : ' (not built yet)'}`)));

  const vmBoot = h('div');
  const drawBoot = () => replace(vmBoot,
    field('Boot from', boot),
    boot.value === 'iso' ? field('ISO', iso) : null,
    boot.value === 'kernel' ? [field('Kernel', kernel), field('Initrd', initrd), field('Kernel command line', cmdline)] : null,
    boot.value === 'import' ? field('Disk image', imported, 'Copied into the storage pool') : null,
    boot.value !== 'import' ? field('New disk size', diskSize, 'e.g. 8G; empty for no disk') : null);
  boot.addEventListener('change', drawBoot);
  drawBoot();

  const source = h('fieldset', null);
  const drawSource = () => {
    const vm = kindVm.checked;
    replace(source, h('legend', null, vm ? '3. Boot' : '3. Template'), vm ? vmBoot : field('Template', template));
    memory.value = vm ? '512' : '256';
  };
  kindVm.addEventListener('change', drawSource);
  kindCt.addEventListener('change', drawSource);
  drawSource();

  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create');
  const form = h('form', { class: 'card wizard', 'aria-labelledby': 'create-title' },
    h('h1', { id: 'create-title' }, 'Create a guest'),
    h('fieldset', null, h('legend', null, '1. Kind'),
      h('label', { class: 'choice' }, kindVm, ' Virtual machine (own kernel, QEMU)'),
      h('label', { class: 'choice' }, kindCt, ' Container (shares the host kernel, LXC)')),
    h('fieldset', null, h('legend', null, '2. Name and size'),
      field('Name', name, 'Lower-case letters, digits and dashes'), field('CPUs', cpus), field('Memory (MiB)', memory),
      field('Network', network, 'Default: user-mode NAT for a VM, no NIC for a container')),
    source,
    h('fieldset', null, h('legend', null, '4. Finish'), h('label', { class: 'choice' }, start, ' Start it once created'), submit),
    error);

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    const vm = kindVm.checked;
    const common = {
      name: name.value, cpus: Number(cpus.value), memoryMiB: Number(memory.value), start: start.checked,
      nics: network.value ? [{ network: network.value }] : undefined,
    };
    const kernelBoot = boot.value === 'kernel';
    const body: CreateVmRequest | CreateCtRequest = vm ? {
      ...common,
      cdrom: boot.value === 'iso' ? iso.value : undefined,
      kernel: kernelBoot ? kernel.value : undefined,
      initrd: kernelBoot ? initrd.value || undefined : undefined,
      cmdline: kernelBoot ? cmdline.value || undefined : undefined,
      disks: boot.value === 'import' ? [{ import: imported.value }] : diskSize.value ? [{ size: diskSize.value }] : undefined,
    } satisfies CreateVmRequest : { ...common, template: template.value } satisfies CreateCtRequest;
    try {
      const accepted = await api<TaskAccepted>('POST', vm ? '/vms' : '/cts', body);
      const task = await runTask(accepted.taskId);
      if (task.status === 'failed') throw new Error(task.error ?? 'The task failed.');
      location.hash = `#/guests/${vm ? 'vm' : 'ct'}/${encodeURIComponent(name.value)}`;
    } catch (err) {
      error.textContent = (err as Error).message;
    } finally {
      submit.disabled = false;
    }
  };
  form.addEventListener('submit', (e) => void onSubmit(e));
  main.append(form);
  name.focus();
}
