// The summary of the project clicked on the map: owner, investment, stage, card, leader and this
// year's investment so far (from the project's approved month series), with a link to its file.
import { CloseOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MapPoint, MapUnplaced } from '../../../contract/map.ts';
import { formatRate } from '../../../domain/kpi.ts';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { useProject } from '../projects/projects.api.ts';
import { useProjectSeries } from '../reporting/reporting.api.ts';
import { NS } from './i18n.ts';
import { CARD_HEX } from './MapChart.tsx';

export function CardBadge({ color }: { color: MapPoint['color'] }) {
  const { t } = useTranslation(NS);
  const key = color ?? 'none';
  return (
    <Tag color={color ? CARD_HEX[color] : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`color.${key}`)}
    </Tag>
  );
}

function YearToDate({ projectId }: { projectId: string }) {
  const { t } = useTranslation(NS);
  const series = useProjectSeries(projectId, undefined);
  if (series.isLoading) return <Skeleton.Input active size="small" />;
  const s = series.data;
  // The last month whose figures are approved: a month still being filed does not count yet.
  const last = s?.months.filter((m) => m.reportStatus === 'approved').at(-1);
  if (!s || !last) return <Typography.Text type="secondary">{t('panel.noReport')}</Typography.Text>;
  return (
    <Flex vertical>
      <span>{t('panel.ytdValue', { year: s.year, month: last.month, value: '' })}<Money value={last.ytdInvestment} /></span>
      <Typography.Text type="secondary">
        {s.annualPlan ? t('panel.rate', { value: formatRate(last.annualCompletionRate) }) : t('panel.noPlan')}
      </Typography.Text>
    </Flex>
  );
}

export default function ProjectPanel({ point, leaderName, regionName, onClose }: {
  point: MapPoint | MapUnplaced;
  leaderName: string | null;
  regionName: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  const label = useEnumLabel();
  const project = useProject(point.id);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>{point.name}</Typography.Title>
          <Typography.Text type="secondary" className="tj-num">{point.code}</Typography.Text>
        </Flex>
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={t('panel.close')} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'owner', label: t('panel.owner'), children: project.isLoading ? <Skeleton.Input active size="small" /> : (project.data?.owner ?? '—') },
          { key: 'investment', label: t('panel.investment'), children: <Money value={point.investment} /> },
          { key: 'stage', label: t('panel.stage'), children: <StageTag stage={point.stage} /> },
          { key: 'card', label: t('panel.card'), children: <CardBadge color={point.color} /> },
          { key: 'leader', label: t('panel.leader'), children: leaderName ?? '—' },
          { key: 'region', label: t('panel.region'), children: regionName ?? '—' },
          { key: 'industry', label: t('panel.industry'), children: label('industry', point.industry) },
          { key: 'ytd', label: t('panel.ytd'), children: <YearToDate projectId={point.id} /> },
        ]}
      />
      <Link to={`/projects/${point.id}`}>
        <Button type="primary" block>{t('panel.open')} <RightOutlined /></Button>
      </Link>
    </Flex>
  );
}
