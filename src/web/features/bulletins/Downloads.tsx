// The bulletin's two files, rendered by the server from its frozen figures.
import { useTranslation } from 'react-i18next';
import { Button, Space, Tooltip } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { docxHref, xlsxHref } from './bulletins.api.ts';

/** `iconOnly` for phones, `short` (Word / Excel) for table cells; the full names go to the tooltip. */
export default function Downloads({ id, size = 'small', iconOnly = false, short = false }: { id: string; size?: 'small' | 'middle'; iconOnly?: boolean; short?: boolean }) {
  const { t } = useTranslation();
  const files = [
    { key: 'docx', icon: <FileWordOutlined />, href: docxHref(id), label: t('bulletins.action.docx'), shortLabel: 'Word' },
    { key: 'xlsx', icon: <FileExcelOutlined />, href: xlsxHref(id), label: t('bulletins.action.xlsx'), shortLabel: 'Excel' },
  ];
  return (
    <Space size={4} wrap={!iconOnly}>
      {files.map((f) => (iconOnly
        ? <Tooltip key={f.key} title={f.label}><Button size={size} icon={f.icon} href={f.href} aria-label={f.label} /></Tooltip>
        : <Button key={f.key} size={size} icon={f.icon} href={f.href} title={short ? f.label : undefined}>{short ? f.shortLabel : f.label}</Button>))}
    </Space>
  );
}
