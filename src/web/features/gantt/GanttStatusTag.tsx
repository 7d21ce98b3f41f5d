// A row's or a project's status as a coloured tag: overdue in red.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GanttStatus, SummaryStatus } from '../../../domain/gantt.ts';

const ROW_COLORS: Record<GanttStatus, string> = {
  done_on_time: 'green', done_late: 'orange', done: 'green', overdue: 'red', upcoming: 'blue', unplanned: 'default', not_required: 'default',
};
const SUMMARY_COLORS: Record<SummaryStatus, string> = { overdue: 'red', late: 'orange', on_track: 'green' };

export function RowStatusTag({ status, lateDays }: { status: GanttStatus; lateDays?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROW_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`gantt.status.${status}`)}{lateDays ? ` ${t('gantt.tip.late', { days: lateDays })}` : ''}
    </Tag>
  );
}

export function SummaryTag({ status }: { status: SummaryStatus }) {
  const { t } = useTranslation();
  return <Tag color={SUMMARY_COLORS[status]} style={{ marginInlineEnd: 0 }}>{t(`gantt.summary.${status}`)}</Tag>;
}
