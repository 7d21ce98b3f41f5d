// Choose the projects of a batch event: search the ledger, add, remove, save the whole list at once.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Modal, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { ProjectDto } from '../../../contract/projects.ts';
import { formatMoney, sumMoney } from '../../../domain/money.ts';
import { NS } from './i18n.ts';
import { useBatch, useSaveBatchProjects } from './batches.api.ts';
import type { Batch } from './batches.types.ts';
import ProjectSearchSelect from './ProjectSearchSelect.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';

type Member = Pick<ProjectDto, 'id' | 'code' | 'name' | 'regionName' | 'totalInvestment'>;

export default function BatchMembersModal({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const detail = useBatch(batch.id);
  const save = useSaveBatchProjects();
  const [members, setMembers] = useState<Member[] | null>(null);

  useEffect(() => {
    if (detail.data && members === null) setMembers(detail.data.projects);
  }, [detail.data, members]);

  const list = members ?? [];
  const ids = useMemo(() => new Set(list.map((m) => m.id)), [list]);
  const total = useMemo(() => sumMoney(list.map((m) => m.totalInvestment)), [list]);

  const add = (_id: string | null, p: ProjectDto | null) => {
    if (p && !ids.has(p.id)) setMembers([p, ...list]);
  };

  const onSave = async () => {
    try {
      await save.mutateAsync({ id: batch.id, projectIds: list.map((m) => m.id) });
      message.success(t('members.saved'));
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={t('members.title', { name: batch.name })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={onSave}
      okButtonProps={{ disabled: members === null }}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={820}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div>
          <Typography.Text strong>{t('members.search')}</Typography.Text>
          {/* Keyed on the count so the box clears after each pick, ready for the next search. */}
          <ProjectSearchSelect
            key={list.length}
            style={{ width: '100%', marginTop: 4 }}
            placeholder={t('members.searchPlaceholder')}
            disabledIds={ids}
            disabledHint={t('members.alreadyIn')}
            allowClear={false}
            onChange={add}
          />
        </div>
        <Typography.Text type="secondary">
          {t('members.selected', { count: list.length, total: formatMoney(total) })}
        </Typography.Text>
        <Table<Member>
          rowKey="id"
          size="small"
          loading={detail.isLoading}
          dataSource={list}
          pagination={list.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('members.empty') }}
          columns={[
            { title: t('col.code'), dataIndex: 'code', width: 120 },
            { title: t('col.projectName'), dataIndex: 'name' },
            { title: t('col.region'), dataIndex: 'regionName', width: 110, responsive: ['md'] },
            { title: t('col.totalInvestment'), dataIndex: 'totalInvestment', width: 130, align: 'right', render: (v: string) => <Money value={v} /> },
            {
              key: 'remove', width: 60,
              render: (_: unknown, m) => (
                <Button
                  type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('action.remove')}
                  onClick={() => setMembers(list.filter((x) => x.id !== m.id))}
                />
              ),
            },
          ]}
        />
      </Space>
    </Modal>
  );
}
