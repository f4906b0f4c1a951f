import './style.css';
import { canOperate, currentSession, isAdmin, logout, onSessionChange, restoreSession } from './api';
import { h, replace } from './dom';
import { stopPollers } from './poll';
import { stopTaskPanel, taskPanel } from './tasks';
import { loginPage } from './pages/login';
import { dashboardPage } from './pages/dashboard';
import { guestsPage } from './pages/guests';
import { guestPage } from './pages/guest';
import { createPage } from './pages/create';
import { hardwarePage } from './pages/hardware';
import { networksPage } from './pages/networks';
import { usersPage } from './pages/users';
import { auditPage } from './pages/audit';
import { accountPage } from './pages/account';

/** A page draws into main and may return a function that closes its sockets; the router stops its pollers (poll.ts). */
export type Page = (main: HTMLElement, params: Record<string, string>) => Promise<(() => void) | void> | void;

// The consoles carry xterm.js and noVNC, most of the code: they load only when a console tab opens.
const terminalPage: Page = async (main, params) => (await import('./consoles/terminal')).terminalPage(main, params);
const vncPage: Page = async (main, params) => (await import('./consoles/vnc')).vncPage(main, params);

// Hash routes keep every page, and each console, at its own URL without any server-side routing.
const routes: [RegExp, Page, string][] = [
  [/^\/login$/, loginPage, 'Log in'],
  [/^\/$/, dashboardPage, 'Dashboard'],
  [/^\/guests$/, guestsPage, 'Guests'],
  [/^\/guests\/(?<kind>vm|ct)\/(?<ref>[^/]+)$/, guestPage, 'Guest'],
  [/^\/create$/, createPage, 'Create'],
  [/^\/hardware$/, hardwarePage, 'Hardware'],
  [/^\/networks$/, networksPage, 'Networks'],
  [/^\/users$/, usersPage, 'Users'],
  [/^\/audit$/, auditPage, 'Audit log'],
  [/^\/account$/, accountPage, 'Account'],
  [/^\/console\/(?<kind>vm|ct)\/(?<ref>[^/]+)\/(?<channel>serial|console)$/, terminalPage, 'Console'],
  [/^\/console\/vm\/(?<ref>[^/]+)\/vnc$/, vncPage, 'Screen'],
];

const app = document.getElementById('app')!;
let cleanup: (() => void) | void;

function nav(): HTMLElement {
  const s = currentSession();
  const link = (href: string, text: string) =>
    h('a', { href, 'aria-current': location.hash === href || (href === '#/' && location.hash === '') ? 'page' : null }, text);
  // The router owns the hash, so the skip link moves focus itself instead of linking to #main.
  const skip = h('a', { class: 'skip', href: '#/', onclick: (e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); } },
    'Skip to content');
  return h('header', { class: 'top' }, skip,
    h('a', { class: 'brand', href: '#/' }, 'Carve'),
    h('nav', { 'aria-label': 'Main' }, link('#/', 'Dashboard'), link('#/guests', 'Guests'), link('#/networks', 'Networks'), link('#/hardware', 'Hardware'),
      canOperate() ? link('#/create', 'Create') : null,
      isAdmin() ? [link('#/users', 'Users'), link('#/audit', 'Audit')] : null),
    h('div', { class: 'who' },
      h('a', { href: '#/account', title: 'Your password and one-time codes' }, `${s?.user} (${s?.role})`),
      h('button', { class: 'link', onclick: async () => { await logout(); location.hash = '#/login'; } }, 'Log out')));
}

async function render(): Promise<void> {
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = Object.fromEntries(new URLSearchParams(query ?? ''));
  const match = routes.map(([re, page, title]) => ({ m: re.exec(path), page, title })).find((r) => r.m);
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  stopTaskPanel();
  // Whatever a page polls stops with it, even what it forgot to stop in its cleanup.
  stopPollers();
  if (!match) { location.hash = '#/'; return; }
  if (match.page !== loginPage && !currentSession() && !(await restoreSession())) {
    location.hash = `#/login?next=${encodeURIComponent(location.hash || '#/')}`;
    return;
  }
  Object.assign(params, Object.fromEntries(Object.entries(match.m!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])));
  const main = h('main', { id: 'main', tabindex: -1 });
  const isConsole = path.startsWith('/console/');
  if (match.page === loginPage || isConsole) replace(app, main);
  else replace(app, nav(), main, taskPanel());
  app.className = isConsole ? 'console-layout' : match.page === loginPage ? 'login-layout' : 'app-layout';
  document.title = `${match.title} - Carve`;
  // A new page starts at its top, not where the last one was scrolled to (the wizard's Create button, say).
  window.scrollTo(0, 0);
  try {
    cleanup = await match.page(main, params);
  } catch (e) {
    main.append(h('p', { class: 'error', role: 'alert' }, `Could not load this page: ${(e as Error).message}`));
  }
}

onSessionChange(() => { /* the next render redraws the header */ });
window.addEventListener('hashchange', () => void render());
void render();
