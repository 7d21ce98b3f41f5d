// 台账导入: upload → dry-run preview (fix problems, map columns) → commit → summary.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Result, Steps } from 'antd';
import type { ImportMapping, ImportPreview } from '../../../contract/ledger.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { canReadAudit } from '../../app/permissions.ts';
import { NS } from './i18n.ts';
import { importErrorText, useImport } from './import.api.ts';
import UploadStep from './UploadStep.tsx';
import PreviewStep from './PreviewStep.tsx';

type Step = 0 | 1 | 2;

export default function ImportPage() {
  const { t } = useTranslation(NS);
  const { modal } = App.useApp();
  const user = useCurrentUser();
  const run = useImport();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mappingDirty, setMappingDirty] = useState(false);
  const [committing, setCommitting] = useState(false);

  const check = async (withMapping: ImportMapping) => {
    if (!file) return;
    setServerError(null);
    try {
      const r = await run.mutateAsync({ file, mapping: withMapping, dryRun: true });
      setPreview(r);
      setMappingDirty(false);
      setStep(1);
    } catch (e) {
      setServerError(importErrorText(e));
    }
  };

  const commit = async () => {
    if (!file || !preview) return;
    setServerError(null);
    setCommitting(true);
    try {
      const r = await run.mutateAsync({ file, mapping, dryRun: false });
      setPreview(r);
      // The server checks again when committing; if the ledger changed meanwhile it may refuse.
      if (r.committed) setStep(2);
    } catch (e) {
      setServerError(`${t('errors.commitFailed')}：${importErrorText(e)}`);
    } finally {
      setCommitting(false);
    }
  };

  const confirmCommit = () => {
    if (!preview) return;
    modal.confirm({
      title: t('actions.confirmTitle'),
      content: t('actions.confirmBody', { create: preview.toCreate, update: preview.toUpdate }),
      okText: t('actions.commit'),
      onOk: commit,
    });
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setFileError(null);
    setServerError(null);
    setPreview(null);
    setMapping({});
    setMappingDirty(false);
  };

  return (
    <Card title={t('title')}>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('steps.upload') }, { title: t('steps.preview') }, { title: t('steps.done') }]}
      />
      {step === 0 && (
        <UploadStep
          file={file}
          fileError={fileError}
          serverError={serverError}
          checking={run.isPending}
          onFile={(f, err) => {
            setFile(f);
            setFileError(err);
            setServerError(null);
            // A different file has different headers: a mapping made for the last one does not apply.
            setMapping({});
          }}
          onCheck={() => void check(mapping)}
        />
      )}
      {step === 1 && preview && (
        <PreviewStep
          preview={preview}
          mapping={mapping}
          onMappingChange={(m) => {
            setMapping(m);
            setMappingDirty(true);
          }}
          mappingDirty={mappingDirty}
          checking={run.isPending && !committing}
          committing={committing}
          serverError={serverError}
          onRecheck={() => void check(mapping)}
          onCommit={confirmCommit}
          onBack={restart}
        />
      )}
      {step === 2 && preview && (
        <Result
          status="success"
          title={t('done.title')}
          subTitle={t('done.body', { create: preview.toCreate, update: preview.toUpdate, unchanged: preview.unchanged })}
          extra={[
            <Link key="ledger" to="/projects"><Button type="primary">{t('done.toLedger')}</Button></Link>,
            canReadAudit(user.role) && <Link key="audit" to="/admin/audit"><Button>{t('done.audit')}</Button></Link>,
            <Button key="again" onClick={restart}>{t('done.again')}</Button>,
          ]}
        />
      )}
    </Card>
  );
}
