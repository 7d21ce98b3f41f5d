// Step 1: get the template, pick a file. Nothing is sent until the user asks for the check.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { API_BASE } from '../../api/client.ts';
import { NS } from './i18n.ts';
import { checkFile } from './import.api.ts';

interface Props {
  file: File | null;
  onFile: (file: File | null, error: string | null) => void;
  fileError: string | null;
  serverError: string | null;
  checking: boolean;
  onCheck: () => void;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default function UploadStep({ file, onFile, fileError, serverError, checking, onCheck }: Props) {
  const { t } = useTranslation(NS);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('upload.intro')}</Typography.Paragraph>
      <div>
        <Button icon={<DownloadOutlined />} href={`${API_BASE}/ledger/template.xlsx`}>{t('upload.template')}</Button>
      </div>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => {
          onFile(f, checkFile(f));
          // Keep the file here: it is posted by the check button, with the CSRF header.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('upload.drag')}</p>
        <p className="ant-upload-hint">{t('upload.hint')}</p>
      </Upload.Dragger>
      {file && (
        <Flex gap={8} align="center" wrap>
          <FileExcelOutlined style={{ color: '#217346', fontSize: 18 }} />
          <Typography.Text>{t('upload.chosen', { name: file.name, size: sizeText(file.size) })}</Typography.Text>
        </Flex>
      )}
      {fileError && <Alert type="error" showIcon title={fileError} />}
      {serverError && <Alert type="error" showIcon title={t('errors.failed')} description={serverError} />}
      <div>
        <Button type="primary" size="large" loading={checking} disabled={!file || !!fileError} onClick={onCheck}>
          {t('upload.check')}
        </Button>
      </div>
    </Space>
  );
}
