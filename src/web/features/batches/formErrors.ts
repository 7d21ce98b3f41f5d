// Server errors shown where the user can act on them: on the form field the server named,
// and as one message with the server's own (Chinese) wording.
import i18n from 'i18next';
import type { FormInstance } from 'antd';
import { ApiError, detailsToFormFields } from '../../api/client.ts';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return i18n.t('errors.network');
    return e.message || i18n.t('errors.unknown', { status: e.status });
  }
  return e instanceof Error ? e.message : String(e);
}

/** Puts field-level details on the form's fields (those it has) and shows the overall message. */
export function applyServerErrors(form: FormInstance, e: unknown, message: { error: (text: string) => unknown }): void {
  if (e instanceof ApiError && e.details.length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) as object));
    const fields = detailsToFormFields(e.details).filter((f) => known.has(String(f.name[0])));
    if (fields.length) form.setFields(fields);
  }
  message.error(errorText(e));
}
