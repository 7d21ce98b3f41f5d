// One leader's page: everything they carry (一个项目、一名领导、一个专班、一抓到底).
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Card, Col, Descriptions, Flex, Grid, Row, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import Decimal from 'decimal.js';
import type { ProjectDto } from '../../../contract/projects.ts';
import { STAGES, type Stage } from '../../../domain/enums.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { formatMoney } from '../../../domain/money.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import StageTag, { STAGE_COLORS } from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { NS } from './i18n.ts';
import { useLeader, type TeamMembership } from './leaders.api.ts';

export default function LeaderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const { data, isLoading, error } = useLeader(id);
  const label = useEnumLabel();
  // Phones show name, stage and amount only, wrapped to the screen rather than scrolled sideways.
  const scroll = Grid.useBreakpoint().md ? { x: 'max-content' as const } : undefined;

  const stageTag = (s: Stage) => <StageTag stage={s} />;
  const projectLink = (p: ProjectDto) => <Link to={`/projects/${p.id}`}>{p.name}</Link>;

  const projectColumns: TableColumnsType<ProjectDto> = [
    { title: t('col.code'), dataIndex: 'code', width: 120, responsive: ['md'] },
    { title: t('col.projectName'), key: 'name', render: (_: unknown, p) => projectLink(p) },
    { title: t('col.stage'), dataIndex: 'stage', width: 90, render: stageTag },
    { title: t('col.level'), dataIndex: 'level', width: 80, responsive: ['lg'], render: (l: string) => label('level', l) },
    { title: t('col.region'), dataIndex: 'regionName', width: 110, responsive: ['xxl'] },
    {
      title: t('col.totalInvestment'), dataIndex: 'totalInvestment', width: 130, align: 'right',
      render: (v: string) => <Money value={v} />,
      sorter: (a, b) => new Decimal(a.totalInvestment).comparedTo(b.totalInvestment),
    },
    { title: t('col.plannedStart'), dataIndex: 'plannedStart', width: 130, responsive: ['lg'], render: (d: string | null) => formatDateZh(d) },
    { title: t('col.plannedCompletion'), dataIndex: 'plannedCompletion', width: 130, responsive: ['lg'], render: (d: string | null) => formatDateZh(d) },
    { title: t('col.plannedProduction'), dataIndex: 'plannedProduction', width: 130, responsive: ['xxl'], render: (d: string | null) => formatDateZh(d) },
  ];

  const teamColumns: TableColumnsType<TeamMembership> = [
    { title: t('col.code'), key: 'code', width: 120, responsive: ['md'], render: (_: unknown, m) => m.project.code },
    { title: t('col.projectName'), key: 'name', render: (_: unknown, m) => projectLink(m.project) },
    { title: t('col.role'), dataIndex: 'role', width: 110, render: (r: string) => label('teamRole', r) },
    { title: t('col.duty'), dataIndex: 'duty', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('col.stage'), key: 'stage', width: 90, render: (_: unknown, m) => stageTag(m.project.stage) },
    {
      title: t('col.totalInvestment'), key: 'inv', width: 130, align: 'right', responsive: ['sm'],
      render: (_: unknown, m) => <Money value={m.project.totalInvestment} />,
    },
  ];

  if (error) {
    return (
      <Card>
        <ErrorAlert error={error} title={t('loadFailed')} />
        <Link to="/leaders"><ArrowLeftOutlined /> {t('back')}</Link>
      </Card>
    );
  }

  const leader = data?.leader;
  const totals = data?.totals;
  const stagesPresent = STAGES.filter((s) => (totals?.byStage[s] ?? 0) > 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        loading={isLoading}
        title={
          <Space wrap>
            <Link to="/leaders" aria-label={t('back')}><ArrowLeftOutlined /></Link>
            <span>{leader?.name}</span>
            {leader?.title && <span style={{ fontWeight: 'normal' }}>{leader.title}</span>}
          </Space>
        }
      >
        {leader && totals && (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={8} md={6}><Statistic title={t('summary.count')} value={totals.count} /></Col>
              <Col xs={16} md={6}><Statistic title={t('summary.totalInvestment')} value={formatMoney(totals.totalInvestment)} /></Col>
              <Col xs={8} md={6}><Statistic title={t('summary.teamCount')} value={totals.teamCount} /></Col>
            </Row>
            {stagesPresent.length > 0 && (
              <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
                <span>{t('summary.byStage')}：</span>
                {stagesPresent.map((s) => (
                  <Tag key={s} color={STAGE_COLORS[s]}>
                    {label('stage', s)} {totals.byStage[s]}
                  </Tag>
                ))}
              </Flex>
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'org', label: t('summary.org'), children: leader.org?.name ?? t('summary.none') },
                { key: 'region', label: t('summary.region'), children: leader.regionName },
                { key: 'phone', label: t('summary.phone'), children: leader.phone ?? t('summary.none') },
              ]}
            />
          </>
        )}
      </Card>
      <Card title={t('projectsTitle', { count: data?.projects.length ?? 0 })}>
        <Table<ProjectDto>
          rowKey="id"
          size="middle"
          loading={isLoading}
          columns={projectColumns}
          dataSource={data?.projects ?? []}
          pagination={(data?.projects.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={scroll}
          locale={{ emptyText: t('empty.projects') }}
        />
      </Card>
      <Card title={t('teamTitle', { count: data?.teamProjects.length ?? 0 })}>
        <Table<TeamMembership>
          rowKey={(m) => `${m.project.id}:${m.role}`}
          size="middle"
          loading={isLoading}
          columns={teamColumns}
          dataSource={data?.teamProjects ?? []}
          pagination={false}
          scroll={scroll}
          locale={{ emptyText: t('empty.team') }}
        />
      </Card>
    </Space>
  );
}
