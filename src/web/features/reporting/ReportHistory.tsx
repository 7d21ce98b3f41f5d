// Who did what to a report and when (report_events), and its corrections with their decisions.
import { App, Button, Empty, Input, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CorrectionDto, ReportDto } from '../../../contract/reporting.ts';
import type { CorrectionStatus, ReportAction } from '../../../domain/reporting.ts';
import { formatDateTime } from '../../components/DateText.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import Money, { formatAmount } from '../../components/Money.tsx';
import { NS } from './i18n.ts';
import { reportHref } from './parts.tsx';
import { useDecideCorrection } from './reporting.api.ts';

const ACTION_COLORS: Record<ReportAction, string> = {
  saved: 'gray', submitted: 'blue', approved: 'green', returned: 'red',
  correction_requested: 'orange', correction_approved: 'green', correction_rejected: 'red',
};
const CORRECTION_COLORS: Record<CorrectionStatus, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

export function ReportTimeline({ events }: { events: ReportDto['events'] }) {
  const { t } = useTranslation(NS);
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noHistory')} />;
  // Newest first: the last step is what a reader looks for.
  const items = [...events].reverse().map((e) => ({
    color: ACTION_COLORS[e.action],
    children: (
      <div>
        <Space size={8} wrap>
          <strong>{t(`enum.action.${e.action}`)}</strong>
          <span>{e.displayName ?? e.username ?? '—'}</span>
          <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
        </Space>
        {(e.investment != null || e.fundsArrived != null) && (
          <div style={{ fontSize: 12 }}>
            {t('report.eventFigures', { investment: formatAmount(e.investment, 'wan'), funds: formatAmount(e.fundsArrived, 'wan') })}
          </div>
        )}
        {e.reason && <div style={{ fontSize: 12 }}><Typography.Text type="secondary">{e.reason}</Typography.Text></div>}
      </div>
    ),
  }));
  return <Timeline items={items} />;
}

export function CorrectionsTable({ items, canDecide, showProject = false }: { items: CorrectionDto[]; canDecide: boolean; showProject?: boolean }) {
  const { t } = useTranslation(NS);
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const decide = useDecideCorrection();
  const [rejecting, setRejecting] = useState<CorrectionDto | null>(null);
  const [note, setNote] = useState('');

  const approve = (c: CorrectionDto) =>
    modal.confirm({
      title: t('periods.approveCorrection'),
      content: t('periods.approveCorrectionConfirm'),
      okText: t('common.ok'), cancelText: t('common.cancel'),
      onOk: () => decide.mutateAsync({ id: c.id, approve: true }).then(
        () => void message.success(t('periods.correctionApproved')),
        (e: unknown) => void message.error(errorMessage(e)),
      ),
    });
  const reject = async () => {
    if (!rejecting) return;
    if (note.trim().length < 2) return void message.warning(t('periods.rejectNoteRequired'));
    try {
      await decide.mutateAsync({ id: rejecting.id, approve: false, note: note.trim() });
      message.success(t('periods.correctionRejected'));
      setRejecting(null);
      setNote('');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={showProject ? t('periods.noPending') : t('report.noCorrections')} />;
  return (
    <>
      <Table<CorrectionDto>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={items}
        columns={[
          ...(showProject
            ? [{
                title: t('col.project'), key: 'project',
                render: (_: unknown, c: CorrectionDto) => (
                  <Link to={reportHref(c.projectId, c.periodId)}>{c.projectName}<div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{c.periodLabel}</div></Link>
                ),
              }]
            : []),
          { title: t('col.requestedAt'), key: 'at', width: 150, render: (_: unknown, c) => <>{formatDateTime(c.requestedAt)}<div style={{ fontSize: 12 }}>{c.requestedBy ?? '—'}</div></> },
          { title: t('col.correctionReason'), dataIndex: 'reason', width: 220 },
          {
            title: t('col.before'), key: 'before', align: 'right',
            render: (_: unknown, c) => <><Money value={c.before.investment} unit="wan" /><div style={{ fontSize: 12 }}><Money value={c.before.fundsArrived} unit="wan" /></div></>,
          },
          {
            title: t('col.proposed'), key: 'proposed', align: 'right',
            render: (_: unknown, c) => <><strong><Money value={c.proposed.investment} unit="wan" /></strong><div style={{ fontSize: 12 }}><Money value={c.proposed.fundsArrived} unit="wan" /></div></>,
          },
          {
            title: t('col.status'), key: 'status', width: 160,
            render: (_: unknown, c) => (
              <>
                <Tag color={CORRECTION_COLORS[c.status]}>{t(`enum.correctionStatus.${c.status}`)}</Tag>
                {c.decidedBy && <div style={{ fontSize: 12 }}>{c.decidedBy} · {formatDateTime(c.decidedAt)}</div>}
                {c.decisionNote && <div style={{ fontSize: 12 }}><Typography.Text type="secondary">{c.decisionNote}</Typography.Text></div>}
              </>
            ),
          },
          ...(canDecide
            ? [{
                title: t('col.actions'), key: 'actions', width: 130,
                render: (_: unknown, c: CorrectionDto) => c.status === 'pending' && (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => approve(c)}>{t('periods.approveCorrection')}</Button>
                    <Button size="small" danger onClick={() => setRejecting(c)}>{t('periods.rejectCorrection')}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <Modal
        open={!!rejecting}
        title={t('periods.rejectTitle')}
        okText={t('periods.rejectCorrection')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t('periods.rejectNote')} placeholder={t('periods.rejectNote')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </Modal>
    </>
  );
}
