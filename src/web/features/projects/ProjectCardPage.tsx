// 建档立卡: one project's file card with its tabs. The tab is kept in the URL (?tab=).
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Result, Space, Tabs, Typography } from 'antd';
import { FullPageSpin } from '../../app/auth.tsx';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import DateText from '../../components/DateText.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import AnnualPlanTab from './card/AnnualPlanTab.tsx';
import BasicInfoTab from './card/BasicInfoTab.tsx';
import BatchesTab from './card/BatchesTab.tsx';
import CardsTab from './card/CardsTab.tsx';
import HistoryTab from './card/HistoryTab.tsx';
import ProblemsTab from './card/ProblemsTab.tsx';
import ReportsTab from './card/ReportsTab.tsx';
import { FactorNeedsTab, MilestonesTab, ProceduresTab, TeamTab } from './card/rowTabs.tsx';
import StageChangeButton from './card/StageChangeButton.tsx';
import { useProjectCard } from './projects.api.ts';

import '../gantt/i18n.ts';

const ProjectGantt = lazy(() => import('../gantt/ProjectGantt.tsx'));

const TABS = ['basic', 'team', 'procedures', 'factors', 'milestones', 'gantt', 'annual', 'reports', 'problems', 'cards', 'batches', 'history'] as const;
type TabKey = (typeof TABS)[number];

export default function ProjectCardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const card = useProjectCard(id);
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'basic';

  useEffect(() => {
    if (card.data) document.title = `${card.data.project.name} · ${t('app.fullName')}`;
  }, [card.data, t]);

  if (card.isLoading) return <FullPageSpin />;
  if (card.error) {
    if (card.error instanceof ApiError && card.error.status === 404) {
      return <Result status="404" title={card.error.message || t('common.notFound')} extra={<Link to="/projects">{t('common.backHome')}</Link>} />;
    }
    return <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />;
  }
  const c = card.data!;
  const p = c.project;

  const counts: Partial<Record<TabKey, number>> = {
    team: c.team.length, procedures: c.procedures.length, factors: c.factorNeeds.length, milestones: c.milestones.length, batches: c.batches.length,
  };
  const tabLabel = (k: TabKey) => {
    const name = k === 'reports' ? t('reporting:series.title') : k === 'cards' ? t('cards:timeline.tab') : k === 'problems' ? t('problems:tab') : k === 'gantt' ? t('gantt.tab') : t(`card.tabs.${k}`);
    return counts[k] ? `${name} (${counts[k]})` : name;
  };
  const content: Record<TabKey, React.ReactNode> = {
    basic: <BasicInfoTab card={c} compact={phone} />,
    team: <TeamTab card={c} />,
    procedures: <ProceduresTab card={c} />,
    factors: <FactorNeedsTab card={c} />,
    milestones: <MilestonesTab card={c} />,
    gantt: <Suspense fallback={<FullPageSpin />}><ProjectGantt projectId={p.id} /></Suspense>,
    annual: <AnnualPlanTab card={c} />,
    reports: <ReportsTab card={c} />,
    problems: <ProblemsTab card={c} />,
    cards: <CardsTab projectId={p.id} />,
    batches: <BatchesTab card={c} />,
    history: <HistoryTab projectId={p.id} />,
  };

  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: phone ? 12 : '14px 20px' } }}>
        <div className="tj-page-head" style={{ marginBottom: 4 }}>
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, minWidth: 0 }}>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/projects'))} />
            <Typography.Title level={4} style={{ margin: '2px 0 0' }}>
              {p.name} <StageTag stage={p.stage} />
            </Typography.Title>
          </div>
          <Space wrap>
            <StageChangeButton card={c} />
            {c.canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/projects/${p.id}/edit`)}>
                {t('card.edit')}
              </Button>
            )}
          </Space>
        </div>
        <Space size={phone ? 8 : 20} wrap style={{ color: 'rgba(0,0,0,0.65)', paddingInlineStart: phone ? 0 : 40 }}>
          <span>{t('field.code')}：<span className="tj-num">{p.code}</span></span>
          <span>{p.regionName}</span>
          <span>{label('level', p.level)} · {label('industry', p.industry)}</span>
          <span>{t('field.totalInvestment')}：<strong style={{ color: '#1f2329' }}><Money value={p.totalInvestment} /></strong></span>
          {p.stageDate && <span>{t('field.stageDate')}：<DateText value={p.stageDate} /></span>}
          {p.leaderName && <span>{t('field.leaderName')}：{p.leaderName}</span>}
        </Space>
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams((prev) => { const n = new URLSearchParams(prev); if (k === 'basic') n.delete('tab'); else n.set('tab', k); return n; }, { replace: true })}
          items={TABS.map((k) => ({ key: k, label: tabLabel(k), children: content[k] }))}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
