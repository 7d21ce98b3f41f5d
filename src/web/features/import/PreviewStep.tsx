// Step 2: what the file would do. Problems come first; the import stays closed while any remain.
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import type { ImportMapping, ImportPreview } from '../../../contract/ledger.ts';
import { NS } from './i18n.ts';
import HeaderMapping from './HeaderMapping.tsx';
import ProblemsTable from './ProblemsTable.tsx';
import RowsTable from './RowsTable.tsx';

interface Props {
  preview: ImportPreview;
  mapping: ImportMapping;
  onMappingChange: (m: ImportMapping) => void;
  mappingDirty: boolean;
  checking: boolean;
  committing: boolean;
  serverError: string | null;
  onRecheck: () => void;
  onCommit: () => void;
  onBack: () => void;
}

export default function PreviewStep(props: Props) {
  const { preview, mapping, onMappingChange, mappingDirty, checking, committing, serverError, onRecheck, onCommit, onBack } = props;
  const { t } = useTranslation(NS);
  const hasProblems = preview.problemCount > 0;
  const nothingToDo = preview.toCreate + preview.toUpdate === 0;
  const blockedReason = hasProblems ? t('actions.commitBlocked') : mappingDirty ? t('headers.changed') : nothingToDo ? t('actions.nothing') : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex wrap gap={8}>
        <Tag>{t('summary.file')}：{preview.fileName}</Tag>
        <Tag>{t('summary.sheet')}：{preview.sheet}</Tag>
        <Tag>{t('summary.headerRow', { row: preview.headerRow })}</Tag>
        <Tag>{t('summary.year', { year: preview.year })}</Tag>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8} md={4}><Statistic title={t('summary.rowCount')} value={preview.rowCount} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('summary.toCreate')} value={preview.toCreate} styles={{ content: { color: '#389e0d' } }} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('summary.toUpdate')} value={preview.toUpdate} styles={{ content: { color: '#1677ff' } }} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('summary.unchanged')} value={preview.unchanged} /></Col>
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('summary.errorRows')} value={preview.errorRows} styles={{ content: { color: hasProblems ? '#cf1322' : undefined } }} />
        </Col>
      </Row>

      {hasProblems
        ? <Alert type="error" showIcon title={t('problems.alert', { count: preview.problemCount, rows: preview.errorRows })} />
        : <Alert type="success" showIcon title={t('problems.none')} />}
      {serverError && <Alert type="error" showIcon title={serverError} />}
      {hasProblems && <ProblemsTable preview={preview} />}

      <HeaderMapping
        headers={preview.headers}
        mapping={mapping}
        onChange={onMappingChange}
        dirty={mappingDirty}
        checking={checking}
        onRecheck={onRecheck}
      />

      {(preview.newOrgs.length > 0 || preview.newPeople.length > 0) && (
        <Card size="small" title={t('creates.title')}>
          <Typography.Paragraph type="secondary">{t('creates.hint')}</Typography.Paragraph>
          {preview.newOrgs.length > 0 && (
            <>
              <Typography.Text strong>{t('creates.orgs', { count: preview.newOrgs.length })}</Typography.Text>
              <Flex wrap gap={6} style={{ margin: '8px 0 12px' }}>
                {preview.newOrgs.map((o) => (
                  <Tag key={`${o.as}:${o.name}`} color={o.as === 'owner' ? 'cyan' : 'purple'}>
                    {o.name}（{o.as === 'owner' ? t('creates.asOwner') : t('creates.asUnit')}）
                  </Tag>
                ))}
              </Flex>
            </>
          )}
          {preview.newPeople.length > 0 && (
            <>
              <Typography.Text strong>{t('creates.people', { count: preview.newPeople.length })}</Typography.Text>
              <Flex wrap gap={6} style={{ marginTop: 8 }}>
                {preview.newPeople.map((p) => <Tag key={p.name}>{p.name}</Tag>)}
              </Flex>
            </>
          )}
        </Card>
      )}

      <RowsTable preview={preview} />

      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Flex wrap gap={12} align="center" justify="space-between">
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>{t('actions.back')}</Button>
          <Flex wrap gap={12} align="center">
            {blockedReason && <Typography.Text type={hasProblems ? 'danger' : 'secondary'}>{blockedReason}</Typography.Text>}
            <Button type="primary" size="large" icon={<CheckOutlined />} disabled={!!blockedReason || checking} loading={committing} onClick={onCommit}>
              {t('actions.commit')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Space>
  );
}
