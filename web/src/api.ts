import type { ConsoleTicketRequest, ConsoleTicketView, LoginRequest, ProblemView, RequestBody, SessionView, TokenLoginRequest } from './api-types';

/** A refusal from the API, with the one clear sentence of its problem+json body and its type (a few kinds have one). */
export class ApiError extends Error {
  constructor(public readonly status: number, message: string, public readonly type?: string) { super(message); }
}

/** The problem type of a login whose password was right and which also needs the one-time code. */
export const totpNeeded = 'urn:carve:problem:totp-needed';

let session: SessionView | null = null;
const listeners: ((s: SessionView | null) => void)[] = [];

export const currentSession = (): SessionView | null => session;
export const canOperate = (): boolean => session?.role === 'admin' || session?.role === 'operator';
export const isAdmin = (): boolean => session?.role === 'admin';
export function onSessionChange(f: (s: SessionView | null) => void): void { listeners.push(f); }
function setSession(s: SessionView | null): void { session = s; listeners.forEach((f) => f(s)); }

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls /api/v1 with the session cookie; changes carry the CSRF token the login returned. The body is one of the
 * API's request types (callers name which, e.g. `const body: CreateVmRequest = ...`); T is the response's type.
 */
export async function api<T>(method: Method, path: string, body?: RequestBody): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== '/auth/login') {
    setSession(null);
    location.hash = `#/login?next=${encodeURIComponent(location.hash)}`;
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let type: string | undefined;
    try {
      const p = (await response.json()) as ProblemView;
      detail = p.detail ?? p.title ?? detail;
      type = p.type ?? undefined;
    } catch { /* not problem+json */ }
    throw new ApiError(response.status, detail, type);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function restoreSession(): Promise<SessionView | null> {
  try {
    setSession(await api<SessionView>('GET', '/auth/whoami'));
  } catch {
    setSession(null);
  }
  return session;
}

export async function login(username: string, password: string, totp?: string): Promise<SessionView> {
  const s = await api<SessionView>('POST', '/auth/login', { username, password, totp: totp || null } satisfies LoginRequest);
  setSession(s);
  return s;
}

/** A session with the role of an API token, e.g. a read-only viewer. */
export async function loginWithToken(token: string): Promise<SessionView> {
  const s = await api<SessionView>('POST', '/auth/token-login', { token } satisfies TokenLoginRequest);
  setSession(s);
  return s;
}

export async function logout(): Promise<void> {
  try { await api('POST', '/auth/logout'); } finally { setSession(null); }
}

/** The WebSocket URL of a console, with a fresh one-time ticket. */
export async function consoleUrl(guest: string, channel: 'serial' | 'vnc' | 'console'): Promise<string> {
  const t = await api<ConsoleTicketView>('POST', '/console-tickets', { guest, channel } satisfies ConsoleTicketRequest);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${t.path}?ticket=${encodeURIComponent(t.ticket)}`;
}
