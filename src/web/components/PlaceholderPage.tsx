// Shown by routes whose page is still being built.
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export default function PlaceholderPage() {
  const { t } = useTranslation();
  return <Result status="info" title={t('shell.placeholder')} />;
}
