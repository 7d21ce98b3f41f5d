// Puts the server's field errors onto an antd form.
import type { FormInstance } from 'antd';
import { ApiError, detailsToFormFields } from '../api/client.ts';

type FieldErrors = { name: (string | number)[]; errors: string[] }[];

export function applyFieldErrors(form: FormInstance<never> | FormInstance, error: unknown, map: (e: ApiError) => FieldErrors = (e) => detailsToFormFields(e.details)): void {
  if (!(error instanceof ApiError) || error.details.length === 0) return;
  // antd types name paths against the form's value type; server paths are checked at runtime.
  (form as FormInstance).setFields(map(error) as Parameters<FormInstance['setFields']>[0]);
}
