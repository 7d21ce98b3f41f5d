// The server's own message for a failed request, or a plain one when the network failed.
import i18n from 'i18next';
import { ApiError } from '../../api/client.ts';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return i18n.t('errors.network');
    return e.message || i18n.t('errors.unknown', { status: e.status });
  }
  return e instanceof Error ? e.message : String(e);
}
