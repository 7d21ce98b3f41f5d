// Sending a ledger file to the server, for a dry run or for real.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { api, ApiError } from '../../api/client.ts';
import type { ImportMapping, ImportPreview } from '../../../contract/ledger.ts';
import { NS } from './i18n.ts';

export interface ImportRequest {
  file: File;
  mapping: ImportMapping;
  dryRun: boolean;
}

export function postImport({ file, mapping, dryRun }: ImportRequest): Promise<ImportPreview> {
  const form = new FormData();
  // The mapping goes before the file: a streaming multipart reader sees fields in order and
  // must know the mapping by the time it reaches the file.
  if (Object.keys(mapping).length) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return api<ImportPreview>('/ledger/import', { method: 'POST', query: { dryRun }, body: form });
}

export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: postImport,
    onSuccess: (r) => {
      if (r.committed) {
        // New and changed projects, organisations and leaders show everywhere.
        void qc.invalidateQueries({ queryKey: ['projects'] });
        void qc.invalidateQueries({ queryKey: ['leaders'] });
        void qc.invalidateQueries({ queryKey: ['lookups'] });
        void qc.invalidateQueries({ queryKey: ['batches'] });
      }
    },
  });
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * The server explains file problems in Chinese; a few failures (a body over the upload limit)
 * are cut off before the app speaks, so those get our own wording.
 */
export function importErrorText(e: unknown): string {
  const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, { ns: NS, ...o });
  if (e instanceof ApiError) {
    if (e.status === 0) return i18n.t('errors.network');
    if (e.message && (HAS_CHINESE.test(e.message) || i18n.language !== 'zh-CN')) return e.message;
    if (e.status === 413 || e.code === 'payload_too_large') return t('errors.tooLarge');
    if (e.status === 415 || e.code === 'unsupported_file') return t('errors.unsupported');
    if (e.code === 'bad_file') return t('errors.badFile');
    return e.message || i18n.t('errors.unknown', { status: e.status });
  }
  return e instanceof Error ? e.message : String(e);
}

/** What is wrong with a chosen file before it is sent, or null when it may go. */
export function checkFile(file: { name: string; size: number }): string | null {
  const t = (k: string) => i18n.t(k, { ns: NS, name: file.name });
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return t('upload.oldXls');
  if (name.endsWith('.csv')) return t('upload.csv');
  if (!name.endsWith('.xlsx')) return t('upload.notXlsx');
  if (file.size === 0) return t('upload.empty');
  return null;
}
