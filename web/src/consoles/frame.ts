import { h, replace } from '../dom';

export interface ConsoleFrame {
  area: HTMLElement;
  tools: HTMLElement;
  setState(state: 'connecting' | 'connected' | 'disconnected', detail?: string): void;
}

/**
 * The chrome around every console: a bar with the guest's name, the connection state and tools, and a banner that
 * says when the console disconnected and offers to reconnect.
 */
export function consoleFrame(main: HTMLElement, title: string, guestHref: string, reconnect: () => void): ConsoleFrame {
  const state = h('span', { class: 'badge', role: 'status', 'data-testid': 'console-state' });
  const tools = h('div', { class: 'console-tools' });
  const banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  const area = h('div', { class: 'console-area' });
  main.append(
    h('div', { class: 'console-bar' }, h('a', { href: guestHref, class: 'brand' }, 'Carve'), h('h1', null, title), state, tools),
    banner, area);
  return {
    area, tools,
    setState(s, detail) {
      state.textContent = s;
      state.className = `badge console-${s}`;
      banner.hidden = s !== 'disconnected';
      if (s === 'disconnected') {
        const again = h('button', { class: 'primary', onclick: reconnect }, 'Reconnect');
        replace(banner, h('span', null, `Console disconnected${detail ? `: ${detail}` : ''}. `), again);
        again.focus();
      }
    },
  };
}
