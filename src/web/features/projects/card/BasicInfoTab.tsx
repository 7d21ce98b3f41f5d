// 基本信息: every fact of the file card, the fund sources, the dates, and the stage history.
import { Card, Col, Descriptions, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sumMoney } from '../../../../domain/money.ts';
import type { ProjectCard } from '../../../api/types.ts';
import DateText, { formatDateTime } from '../../../components/DateText.tsx';
import Money from '../../../components/Money.tsx';
import StageTag from '../../../components/StageTag.tsx';
import { ENUMS, useEnumLabel } from '../../../i18n/labels.ts';

export default function BasicInfoTab({ card, compact }: { card: ProjectCard; compact: boolean }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const p = card.project;
  const column = compact ? 1 : { xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 };
  const fundRows = ENUMS.fundSource
    .filter((k) => p.fundSources[k] != null)
    .map((k) => ({ key: k, source: label('fundSource', k), amount: p.fundSources[k]! }));
  const fundTotal = sumMoney(fundRows.map((r) => r.amount));

  const dateRow = (planned: string | null, actual: string | null) => (
    <span>
      <DateText value={planned} />
      {actual && (
        <Typography.Text type="success" style={{ marginInlineStart: 8 }}>
          （{t('card.basic.actual')} <DateText value={actual} />）
        </Typography.Text>
      )}
    </span>
  );

  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Card size="small" title={t('card.basic.facts')}>
          <Descriptions
            size="small"
            bordered={!compact}
            column={column}
            styles={compact ? { label: { minWidth: 72 } } : { label: { width: 120 } }}
            items={[
              { key: 'code', label: t('field.code'), children: <span className="tj-num">{p.code}</span> },
              { key: 'name', label: t('field.name'), children: p.name, span: compact ? 1 : 2 },
              { key: 'region', label: t('field.regionName'), children: p.regionName },
              { key: 'level', label: t('field.level'), children: label('level', p.level) },
              { key: 'category', label: t('field.category'), children: label('category', p.category) },
              { key: 'industry', label: t('field.industry'), children: label('industry', p.industry) },
              { key: 'stage', label: t('field.stage'), children: <span><StageTag stage={p.stage} /> {p.stageDate && <DateText value={p.stageDate} />}</span> },
              { key: 'total', label: t('field.totalInvestment'), children: <strong><Money value={p.totalInvestment} /></strong> },
              { key: 'annual', label: t('field.annualPlan'), children: <Money value={p.annualPlan} /> },
              { key: 'owner', label: t('field.owner'), children: p.owner ?? '—' },
              { key: 'unit', label: t('field.responsibleUnit'), children: p.responsibleUnit ?? '—' },
              { key: 'leader', label: t('field.leaderName'), children: p.leaderName ?? '—' },
              { key: 'address', label: t('field.address'), children: p.address ?? '—', span: compact ? 1 : 2 },
              {
                key: 'coords', label: t('field.coordinates'),
                children: p.longitude && p.latitude ? <span className="tj-num">{p.longitude}, {p.latitude}</span> : t('card.basic.noCoordinates'),
              },
              ...(p.stage === 'reserve' || p.reserveGrade || p.targetYear
                ? [
                    { key: 'grade', label: t('field.reserveGrade'), children: p.reserveGrade ? label('reserveGrade', p.reserveGrade) : '—' },
                    { key: 'target', label: t('field.targetYear'), children: p.targetYear ?? '—' },
                  ]
                : []),
              {
                key: 'tags', label: t('field.tags'), span: compact ? 1 : 'filled' as const,
                children: p.tags.length ? p.tags.map((tag) => <Tag key={tag} color="processing">{tag}</Tag>) : '—',
              },
              {
                key: 'content', label: t('field.constructionContent'), span: 'filled' as const,
                children: <div style={{ whiteSpace: 'pre-wrap' }}>{p.constructionContent ?? '—'}</div>,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('card.basic.dates')} style={{ height: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'start', label: t('field.plannedStart'), children: dateRow(p.plannedStart, p.actualStart) },
              { key: 'completion', label: t('field.plannedCompletion'), children: dateRow(p.plannedCompletion, p.actualCompletion) },
              { key: 'production', label: t('field.plannedProduction'), children: dateRow(p.plannedProduction, p.actualProduction) },
              { key: 'updated', label: t('field.updatedAt'), children: formatDateTime(p.updatedAt) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('card.basic.funds')} style={{ height: '100%' }}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fundRows}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { key: 'source', title: t('field.fundSources'), dataIndex: 'source' },
              { key: 'amount', title: t('card.basic.amount'), align: 'right', render: (_: unknown, r) => <Money value={r.amount} unit="wan" /> },
            ]}
            summary={() =>
              fundRows.length > 0 && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><strong>{t('card.basic.fundsTotal')}</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right"><strong><Money value={fundTotal} unit="wan" /></strong></Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
        </Card>
      </Col>
      {card.transitions.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('card.basic.transitions')}>
            <Timeline
              items={card.transitions.map((tr) => ({
                key: tr.id,
                content: (
                  <div>
                    <DateText value={tr.date} />
                    <span style={{ margin: '0 8px' }}>
                      {tr.fromStage ? label('stage', tr.fromStage) : '—'} → <StageTag stage={tr.toStage} />
                    </span>
                    {tr.note && <Typography.Text type="secondary">{tr.note}</Typography.Text>}
                    {tr.username && <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>（{tr.username}）</Typography.Text>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
