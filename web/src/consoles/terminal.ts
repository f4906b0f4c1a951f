import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { api, consoleUrl } from '../api';
import { h } from '../dom';
import { consoleFrame } from './frame';

/**
 * A VM's serial port or a container's console in xterm.js. It first shows what the guest printed so far (the console
 * log), then streams live bytes both ways. Copy: select text and Ctrl+Shift+C (or "Copy all"); paste: Ctrl+Shift+V or the Paste button.
 */
export async function terminalPage(main: HTMLElement, params: Record<string, string>): Promise<() => void> {
  const { kind, ref, channel } = params;
  const base = `/${kind}s/${encodeURIComponent(ref)}`;
  const term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, screenReaderMode: true, convertEol: false });
  const fit = new FitAddon();
  term.loadAddon(fit);
  let socket: WebSocket | null = null;
  let closedByUs = false;
  const encoder = new TextEncoder();
  const send = (text: string) => { if (socket?.readyState === WebSocket.OPEN) socket.send(encoder.encode(text)); };

  const connect = async () => {
    closedByUs = false;
    frame.setState('connecting');
    try {
      const log = await fetch(`/api/v1${base}/console/log`, { credentials: 'same-origin' });
      term.reset();
      if (log.ok) term.write(new Uint8Array(await log.arrayBuffer()));
      socket = new WebSocket(await consoleUrl(ref, channel as 'serial' | 'console'));
    } catch (e) {
      frame.setState('disconnected', (e as Error).message);
      return;
    }
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => { frame.setState('connected'); term.focus(); send('\r'); };
    socket.onmessage = (m) => term.write(typeof m.data === 'string' ? m.data : new Uint8Array(m.data as ArrayBuffer));
    // 1006: refused or cut off without a word; the server's refusals (guest stopped, console open elsewhere) look like this.
    socket.onclose = (e) => {
      if (!closedByUs) frame.setState('disconnected', e.reason || (e.code === 1006 ? 'refused or lost (is the guest running, or its console open in another tab?)' : `code ${e.code}`));
    };
  };

  const title = kind === 'vm' ? `${ref}: serial console` : `${ref}: console`;
  const frame = consoleFrame(main, title, `#/guests/${kind}/${encodeURIComponent(ref)}`, () => void connect());
  const copyAll = async () => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    await navigator.clipboard.writeText(lines.join('\n').trimEnd());
  };
  const paste = async () => send(await navigator.clipboard.readText());
  frame.tools.append(
    h('button', { onclick: () => void navigator.clipboard.writeText(term.getSelection()), title: 'Copy the selected text' }, 'Copy'),
    h('button', { onclick: () => void copyAll() }, 'Copy all'),
    h('button', { onclick: () => void paste().then(() => term.focus()) }, 'Paste'));
  term.attachCustomKeyEventHandler((e) => {
    // Ctrl+Shift+C copies like in a desktop terminal; Ctrl+C stays an interrupt for the guest.
    if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') { void navigator.clipboard.writeText(term.getSelection()); return false; }
    // Ctrl+Shift+V: left to the browser, whose paste event xterm.js sends to the guest.
    return !(e.ctrlKey && e.shiftKey && e.code === 'KeyV');
  });
  term.onData(send);
  term.open(frame.area);
  fit.fit();
  const onResize = () => fit.fit();
  window.addEventListener('resize', onResize);
  await api('GET', base);
  await connect();
  return () => {
    closedByUs = true;
    window.removeEventListener('resize', onResize);
    socket?.close();
    term.dispose();
  };
}
