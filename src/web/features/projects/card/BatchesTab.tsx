// 集中开工批次: the batch events this project belongs to; the main-venue project is marked.
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectCard } from '../../../api/types.ts';
import DateText from '../../../components/DateText.tsx';
import { useEnumLabel } from '../../../i18n/labels.ts';

export default function BatchesTab({ card }: { card: ProjectCard }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  if (card.batches.length === 0) return <Empty description={t('card.batches.empty')} />;
  return (
    <Table
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      dataSource={card.batches}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name', title: t('field.name'),
          render: (_, b) => (
            <span>
              <Link to={`/batches/${b.id}`}>{b.name}</Link>
              {b.isMainVenue && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('card.batches.mainVenue')}</Tag>}
            </span>
          ),
        },
        { key: 'kind', title: t('field.kind'), width: 110, render: (_, b) => label('batchKind', b.kind) },
        { key: 'date', title: t('card.batches.eventDate'), width: 150, render: (_, b) => <DateText value={b.eventDate} /> },
      ]}
    />
  );
}
