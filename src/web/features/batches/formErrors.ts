// Field-level server errors placed on the form fields the server named (those the form has).
import type { FormInstance } from 'antd';
import { ApiError, detailsToFormFields } from '../../api/client.ts';

export function applyFieldErrors(form: FormInstance, e: unknown): void {
  if (!(e instanceof ApiError) || !e.details.length) return;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = detailsToFormFields(e.details).filter((f) => known.has(String(f.name[0])));
  if (fields.length) form.setFields(fields);
}
