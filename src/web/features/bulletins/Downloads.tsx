// The bulletin's two files, rendered by the server from its frozen figures.
import { useTranslation } from 'react-i18next';
import { Button, Space, Tooltip } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { docxHref, xlsxHref } from './bulletins.api.ts';

/** `iconOnly` for narrow table cells (phones): the names go to the tooltip and the screen reader. */
export default function Downloads({ id, size = 'small', iconOnly = false }: { id: string; size?: 'small' | 'middle'; iconOnly?: boolean }) {
  const { t } = useTranslation();
  const files = [
    { key: 'docx', icon: <FileWordOutlined />, href: docxHref(id), label: t('bulletins.action.docx') },
    { key: 'xlsx', icon: <FileExcelOutlined />, href: xlsxHref(id), label: t('bulletins.action.xlsx') },
  ];
  return (
    <Space size={4} wrap={!iconOnly}>
      {files.map((f) => (iconOnly
        ? <Tooltip key={f.key} title={f.label}><Button size={size} icon={f.icon} href={f.href} aria-label={f.label} /></Tooltip>
        : <Button key={f.key} size={size} icon={f.icon} href={f.href}>{f.label}</Button>))}
    </Space>
  );
}
