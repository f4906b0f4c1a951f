import RFB from '@novnc/novnc';
import { consoleUrl } from '../api';
import { field, h } from '../dom';
import { consoleFrame } from './frame';

/** A VM's screen with noVNC, through carved's authenticated WebSocket to QEMU's VNC unix socket. */
export async function vncPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const { ref } = params;
  let rfb: RFB | null = null;
  let closedByUs = false;
  const clipboard = h('textarea', { rows: 2, placeholder: 'Text to paste into the guest, or copied from it' });

  const connect = async () => {
    closedByUs = false;
    frame.setState('connecting');
    frame.area.replaceChildren();
    try {
      rfb = new RFB(frame.area, await consoleUrl(ref, 'vnc'), { wsProtocols: ['binary'], shared: true });
    } catch (e) {
      frame.setState('disconnected', (e as Error).message);
      return;
    }
    rfb.scaleViewport = true;
    rfb.addEventListener('connect', () => { frame.setState('connected'); rfb?.focus(); });
    rfb.addEventListener('disconnect', (e) => {
      if (!closedByUs) frame.setState('disconnected', (e as CustomEvent<{ clean: boolean }>).detail.clean ? 'the server closed it' : 'the connection was lost');
    });
    rfb.addEventListener('clipboard', (e) => { clipboard.value = (e as CustomEvent<{ text: string }>).detail.text; });
  };

  const frame = consoleFrame(main, `${ref}: screen`, `#/guests/vm/${encodeURIComponent(ref)}`, () => void connect());
  frame.tools.append(
    h('div', { class: 'clip' }, field('Clipboard', clipboard)),
    h('button', { onclick: () => rfb?.clipboardPasteFrom(clipboard.value) }, 'Send clipboard'),
    h('button', { onclick: () => rfb?.sendCtrlAltDel() }, 'Ctrl+Alt+Del'));
  await connect();
  return () => { closedByUs = true; rfb?.disconnect(); };
}
