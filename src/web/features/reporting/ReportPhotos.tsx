// Site photos of a report: upload, thumbnails, the EXIF time and position read by the server, and
// how far from the project's location each was taken.
import { DeleteOutlined, EnvironmentOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDto, ReportPhotoDto } from '../../../contract/reporting.ts';
import { formatDateTime } from '../../components/DateText.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { useDistanceText } from './parts.tsx';
import { photoUrl, type useReportActions } from './reporting.api.ts';

// Coordinates go to t() as lon/lat: i18next reads an option named 'lng' as the language.

/** Beyond this a photo is probably not of the site (or the project's coordinates are wrong). */
const FAR_METERS = 3000;

function PhotoCard({ p, canDelete, onDelete }: { p: ReportPhotoDto; canDelete: boolean; onDelete: () => void }) {
  const { t } = useTranslation(NS);
  const distance = useDistanceText();
  const far = p.distanceMeters != null && p.distanceMeters > FAR_METERS;
  return (
    <div style={{ width: 220, border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
      <Image src={p.url || photoUrl(p.id)} alt={p.caption ?? p.fileName} width={202} height={150} style={{ objectFit: 'cover', borderRadius: 4 }} />
      <div style={{ fontSize: 12, marginTop: 6, lineHeight: 1.7 }}>
        {p.caption && <div><Typography.Text strong>{p.caption}</Typography.Text></div>}
        <div>{p.takenAt ? t('report.takenAt', { time: formatDateTime(p.takenAt) }) : <Typography.Text type="secondary">{t('report.noExifTime')}</Typography.Text>}</div>
        <div>
          {p.latitude && p.longitude
            ? <span><EnvironmentOutlined /> {t('report.gps', { lat: Number(p.latitude).toFixed(5), lon: Number(p.longitude).toFixed(5) })}</span>
            : <Typography.Text type="secondary">{t('report.noGps')}</Typography.Text>}
        </div>
        {p.distanceMeters != null && (
          <div>
            <Typography.Text type={far ? 'danger' : undefined}>{t('report.distance', { distance: distance(p.distanceMeters) })}</Typography.Text>
            {far && <div><Typography.Text type="danger">{t('report.farAway')}</Typography.Text></div>}
          </div>
        )}
        {canDelete && (
          <Popconfirm title={t('report.deletePhotoConfirm')} onConfirm={onDelete} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} style={{ padding: 0 }}>{t('report.deletePhoto')}</Button>
          </Popconfirm>
        )}
      </div>
    </div>
  );
}

export default function ReportPhotos({ report, actions, canUpload, onUploaded }: {
  report: ReportDto;
  actions: ReturnType<typeof useReportActions>;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const c = report.context;
  return (
    <div>
      <div style={{ marginBottom: 8 }}>
        <EnvironmentOutlined />{' '}
        {c.longitude && c.latitude
          ? t('report.projectLocation', { lon: Number(c.longitude).toFixed(5), lat: Number(c.latitude).toFixed(5) })
          : <Typography.Text type="secondary">{t('report.projectNoLocation')}</Typography.Text>}
      </div>
      {canUpload && (
        <Space direction="vertical" size={4} style={{ marginBottom: 12 }}>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/heic,.heic"
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              actions.uploadPhoto.mutateAsync({ file: file as File }).then(
                (r) => { onSuccess?.(r); onUploaded(); },
                (e: Error) => { onError?.(e); message.error(errorMessage(e)); },
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={actions.uploadPhoto.isPending}>{t('report.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('report.uploadHint')}</Typography.Text>
        </Space>
      )}
      <Image.PreviewGroup>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          {report.photos.map((p) => (
            <PhotoCard
              key={p.id}
              p={p}
              canDelete={canUpload}
              onDelete={() => actions.deletePhoto.mutate(p.id, { onError: (e) => message.error(errorMessage(e)) })}
            />
          ))}
        </div>
      </Image.PreviewGroup>
    </div>
  );
}
