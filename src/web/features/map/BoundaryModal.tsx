// Admin only: upload a city's county borders (GeoJSON) or go back to the bundled ones.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BOUNDARY_BYTES, type MapBoundaries } from '../../../contract/map.ts';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { NS } from './i18n.ts';
import { useBoundaries, useBoundaryActions } from './map.api.ts';

const MB = MAX_BOUNDARY_BYTES / 1024 / 1024;

export default function BoundaryModal({ open, onClose, initialRegion }: { open: boolean; onClose: () => void; initialRegion: string }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [region, setRegion] = useState(initialRegion);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const current = useBoundaries(region);
  const { upload, reset } = useBoundaryActions(region);
  const b: MapBoundaries | undefined = current.data;
  const own = b && b.regionCode === region;
  const tooBig = !!file && file.size > MAX_BOUNDARY_BYTES;
  const error = upload.error ?? reset.error;
  const details = error instanceof ApiError ? error.details.filter((d) => d.field.startsWith('features.')) : [];

  const submit = async () => {
    if (!file) return;
    await upload.mutateAsync({ file, source: source.trim() || undefined });
    message.success(t('boundary.uploaded_ok'));
    setFile(null);
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('boundary.title')} footer={null} width={560} destroyOnHidden>
      <Flex vertical gap={14}>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('boundary.region')}</Typography.Text>
          <RegionTreeSelect value={region} allowClear={false} onChange={(c) => { if (c) { setRegion(c); upload.reset(); reset.reset(); } }} style={{ width: 220 }} />
        </Flex>
        <Flex vertical gap={2} style={{ padding: '8px 12px', background: '#f7f9fc', borderRadius: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('boundary.current')}</Typography.Text>
          {b ? (
            <>
              <span>{own && b.uploaded ? t('boundary.uploaded') : t('boundary.bundled')} · {t('boundary.features', { count: b.features.length })}{b.updatedAt ? ` · ${t('boundary.updatedAt', { time: new Date(b.updatedAt).toLocaleString() })}` : ''}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.source}</Typography.Text>
            </>
          ) : <Typography.Text type="secondary">{current.isLoading ? '…' : t('boundary.none')}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('boundary.rules', { size: MB })}</Typography.Text>
        <Upload.Dragger
          accept=".geojson,.json,application/geo+json,application/json"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            upload.reset();
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{file ? file.name : t('boundary.pick')}</p>
        </Upload.Dragger>
        {tooBig && <Alert type="error" showIcon title={t('boundary.tooBig', { size: MB })} />}
        <Flex vertical gap={4}>
          <label htmlFor="map-boundary-source"><Typography.Text type="secondary">{t('boundary.source')}</Typography.Text></label>
          <Input id="map-boundary-source" value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} placeholder={t('boundary.sourcePlaceholder')} />
        </Flex>
        {error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(error)}
            description={details.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{details.map((d) => <li key={d.field}>{d.message}</li>)}</ul> : undefined}
          />
        )}
        <Flex justify="space-between" gap={8} wrap>
          {own && b?.uploaded ? (
            <Popconfirm
              title={t('boundary.resetConfirm')}
              onConfirm={() => reset.mutateAsync().then(() => message.success(t('boundary.reset_ok'))).catch(() => undefined)}
            >
              <Button danger loading={reset.isPending}>{t('boundary.reset')}</Button>
            </Popconfirm>
          ) : <span />}
          <Button type="primary" disabled={!file || tooBig} loading={upload.isPending} onClick={() => void submit().catch(() => undefined)}>
            {t('boundary.upload')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
