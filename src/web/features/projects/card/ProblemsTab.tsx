// 问题: the project's roadblocks (直通车) with their status and deadlines, and a button to raise one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectCard } from '../../../api/types.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import { NS } from '../../problems/i18n.ts';
import { READ_ONLY_ROLES } from '../../problems/parts.tsx';
import ProblemTable from '../../problems/ProblemTable.tsx';
import { useProblemList } from '../../problems/problems.api.ts';
import RaiseProblemModal from '../../problems/RaiseProblemModal.tsx';

export default function ProblemsTab({ card }: { card: ProjectCard }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const p = card.project;
  const [page, setPage] = useState(1);
  const [raising, setRaising] = useState(false);
  const q = useProblemList({ projectId: p.id, page, pageSize: 20 });
  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Link to={`/problems?q=${encodeURIComponent(p.code)}`}>{t('title')}</Link>
        {!READ_ONLY_ROLES.includes(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>{t('raise')}</Button>
        )}
      </Flex>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} style={{ marginBottom: 12 }} />}
      <ProblemTable
        compact
        items={q.data?.items ?? []}
        loading={q.isLoading}
        empty={t('empty.project')}
        pagination={{ current: page, total: q.data?.total ?? 0, onChange: setPage }}
      />
      <RaiseProblemModal open={raising} onClose={() => setRaising(false)} project={{ id: p.id, name: p.name, code: p.code }} />
    </div>
  );
}
