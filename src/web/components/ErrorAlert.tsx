// Shows what went wrong: the server's message, and the fields or rows it names.
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR, type FieldDetail } from '../api/client.ts';

/** A readable sentence for any error thrown by the API client (or anything else). */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR) return t('errors.network');
      if (error.status === 409 && !error.message) return t('errors.conflict');
      if (error.status === 403 && !error.message) return t('errors.forbidden');
      return error.message || t('errors.unknown', { status: error.status });
    }
    if (error instanceof Error && error.message) return error.message;
    return t('errors.unknown', { status: '' });
  };
}

function DetailLine({ d, fieldLabel }: { d: FieldDetail; fieldLabel?: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const where: string[] = [];
  // Rows of an edited table come back as items.<index>.<field>.
  const rowPath = /^items\.(\d+)\.(.+)$/.exec(d.field ?? '');
  const row = d.row ?? (rowPath ? Number(rowPath[1]) + 1 : undefined);
  const field = rowPath ? rowPath[2]! : d.field;
  if (row != null) where.push(t('errors.row', { row }));
  if (d.column) where.push(d.column);
  else if (field) {
    const base = field.split('.')[0] ?? field;
    where.push(fieldLabel?.(base) ?? t(`field.${base}`, { defaultValue: field }));
  }
  return (
    <li>
      {where.length > 0 && <strong>{where.join(' · ')}：</strong>}
      {d.message}
    </li>
  );
}

export interface ErrorAlertProps {
  error: unknown;
  title?: ReactNode;
  onRetry?: () => void;
  style?: React.CSSProperties;
  /** Names a field in the caller's words (e.g. a table column title). */
  fieldLabel?: (field: string) => string | undefined;
}

export default function ErrorAlert({ error, title, onRetry, style, fieldLabel }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={title ?? message(error)}
      description={
        (title || details.length > 0) && (
          <>
            {title && <div>{message(error)}</div>}
            {details.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {details.slice(0, 20).map((d, i) => <DetailLine key={i} d={d} fieldLabel={fieldLabel} />)}
              </ul>
            )}
          </>
        )
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.reload')}</Button>}
    />
  );
}
