// The one way the web app talks to the server: JSON over fetch with the session cookie, the CSRF
// header on writes, and the server's error shape turned into an ApiError.
import type { ErrorBody } from '../../contract/common.ts';

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'tuijin_csrf';

export type FieldDetail = ErrorBody['error']['details'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict() {
    return this.status === 409;
  }
}

/** Status 0 marks a request that never reached the server. */
export const NETWORK_ERROR = 'network_error';

let csrfFallback: string | null = null;
/** The login and /auth/me responses carry the token too; kept in case the cookie is unreadable. */
export function rememberCsrf(token: string | null | undefined) {
  csrfFallback = token ?? null;
}

function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === CSRF_COOKIE) return decodeURIComponent(v.join('='));
  }
  return csrfFallback;
}

let onUnauthenticated: (() => void) | null = null;
/** The session layer registers what to do when the server says the session is gone. */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function toQueryString(query: Record<string, QueryValue> | URLSearchParams | undefined): string {
  if (!query) return '';
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [k, v] of Object.entries(query)) {
      if (v == null || v === '') continue;
      if (Array.isArray(v)) {
        if (v.length) params.set(k, v.join(','));
      } else params.set(k, String(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue> | URLSearchParams;
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
      method, headers, body, credentials: 'same-origin', signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, '');
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const err = (data as Partial<ErrorBody> | undefined)?.error;
  const apiError = new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? '', err?.details ?? []);
  // A failed sign-in is also a 401; only an expired session elsewhere sends the user to sign in.
  if (res.status === 401 && !path.startsWith('/auth/login') && !path.startsWith('/auth/me')) onUnauthenticated?.();
  throw apiError;
}

export const get = <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** Maps server field details ("items.2.name", "monthly.3") onto antd form name paths. */
export function detailsToFormFields(details: FieldDetail[]): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const d of details) {
    if (!d.field) continue;
    byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}
