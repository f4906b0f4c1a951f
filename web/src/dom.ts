// A tiny helper to build DOM nodes without a framework: h('button', { onclick: f, disabled: true }, 'Start').
export type Child = Node | string | number | null | undefined | false | Child[];
/** Attributes (null, undefined and false leave one out, true sets it empty), value/checked, and on* listeners. */
type Props = Record<string, string | number | boolean | null | undefined | ((event: never) => unknown)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'value' || key === 'checked') (el as unknown as Record<string, unknown>)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Sets an element's text only when it changed: nothing is redrawn, or announced again, for nothing. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** One element per key of a refreshed list, built once and updated in place after that. */
export interface Keyed<T> { element: Element; update(item: T): void }

/**
 * Keeps parent's children in step with a list that is fetched again and again: an item whose key was there before
 * keeps its element (updated in place, so focus and selection inside it survive), new ones are made, gone ones are
 * removed, and only elements out of place move. `empty` is shown instead when the list is empty.
 */
export function keyedList<T>(parent: Element, key: (item: T) => string, make: (item: T) => Keyed<T>): (items: T[], empty?: Element) => void {
  let kept = new Map<string, Keyed<T>>();
  return (items, empty) => {
    const next = new Map<string, Keyed<T>>();
    for (const item of items) {
      const k = key(item);
      const row = kept.get(k) ?? make(item);
      row.update(item);
      next.set(k, row);
    }
    kept = next;
    const wanted: Node[] = next.size === 0 && empty ? [empty] : [...next.values()].map((r) => r.element);
    const keep = new Set(wanted);
    for (const child of [...parent.childNodes]) if (!keep.has(child)) child.remove();
    wanted.forEach((node, i) => {
      if (parent.childNodes[i] !== node) parent.insertBefore(node, parent.childNodes[i] ?? null);
    });
  };
}

let nextId = 0;
/** A labelled form field: label, control and optional hint, tied together for screen readers. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = control.id || `f${++nextId}`;
  control.id = id;
  const hintEl = hint ? h('small', { id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '-';
  const d = Math.floor(seconds / 86400), hh = Math.floor((seconds % 86400) / 3600), m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${hh}h` : hh > 0 ? `${hh}h ${m}m` : `${m}m ${Math.floor(seconds % 60)}s`;
}

/** A meter with its numbers in words, so a screen reader hears "3.2 GiB of 8 GiB used". */
export function meter(label: string, used: number, total: number, text?: string): HTMLElement {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  const words = text ?? `${bytes(used)} / ${bytes(total)} (${pct}%)`;
  return h('div', { class: 'meter-row' },
    h('span', null, label),
    h('span', { class: 'meter-text' }, words),
    h('div', { class: 'meter', role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct,
      'aria-valuetext': text ?? `${bytes(used)} of ${bytes(total)} used` },
      h('div', { class: 'meter-fill' + (pct > 90 ? ' hot' : ''), style: `width:${pct}%` })));
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status-${status}` }, status);
}
