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

function DetailLine({ d }: { d: FieldDetail }) {
  const { t } = useTranslation();
  const where: string[] = [];
  if (d.row != null) where.push(t('errors.row', { row: d.row }));
  if (d.column) where.push(d.column);
  else if (d.field) {
    const base = d.field.split('.')[0] ?? d.field;
    where.push(t(`field.${base}`, { defaultValue: d.field }));
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
}

export default function ErrorAlert({ error, title, onRetry, style }: ErrorAlertProps) {
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
                {details.slice(0, 20).map((d, i) => <DetailLine key={i} d={d} />)}
              </ul>
            )}
          </>
        )
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.reload')}</Button>}
    />
  );
}
