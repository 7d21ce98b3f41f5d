// Everything in the file that stops the import, by row and column, filterable.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Grid, Input, Table, Typography } from 'antd';
import type { ImportPreview } from '../../../contract/ledger.ts';
import { NS } from './i18n.ts';

type Problem = ImportPreview['problems'][number];

/** "C（总投资(万元)）": the letter finds the cell, the header says what it is. */
function columnLabel(headerOf: ReadonlyMap<string, string>, p: Problem): string {
  const header = headerOf.get(p.column);
  return header ? `${p.column}（${header}）` : p.column || '—';
}

export default function ProblemsTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation(NS);
  const [text, setText] = useState('');
  const wide = Grid.useBreakpoint().sm ?? true;
  const headerOf = useMemo(() => new Map(preview.headers.map((h) => [h.column, h.header])), [preview.headers]);
  const columnFilters = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of preview.problems) if (!seen.has(p.column)) seen.set(p.column, columnLabel(headerOf, p));
    return [...seen].map(([value, text]) => ({ value, text }));
  }, [preview.problems, headerOf]);

  const needle = text.trim().toLowerCase();
  const shown = needle
    ? preview.problems.filter((p) => `${p.row} ${columnLabel(headerOf, p)} ${p.message}`.toLowerCase().includes(needle))
    : preview.problems;

  return (
    <Card
      size="small"
      title={<Typography.Text type="danger" strong>{t('problems.title', { count: preview.problemCount })}</Typography.Text>}
      styles={{ header: { background: '#fff2f0' } }}
    >
      <Input.Search
        allowClear
        placeholder={t('problems.search')}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 240, maxWidth: '100%', marginBottom: 12 }}
      />
      {preview.problemCount > preview.problems.length && (
        <Typography.Paragraph type="secondary">
          {t('problems.truncated', { shown: preview.problems.length, count: preview.problemCount })}
        </Typography.Paragraph>
      )}
      <Table<Problem>
        rowKey={(p, i) => `${p.row}:${p.column}:${i}`}
        size="small"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: true, size: 'small' } : false}
        // On a phone the table fits the screen and messages wrap, rather than scrolling sideways.
        scroll={wide ? { x: 'max-content' } : undefined}
        columns={[
          { title: t('problems.col.row'), dataIndex: 'row', width: 72, sorter: (a, b) => a.row - b.row, defaultSortOrder: 'ascend' },
          {
            title: t('problems.col.column'), dataIndex: 'column', width: 180, responsive: ['sm'],
            filters: columnFilters, onFilter: (v, p) => p.column === v,
            render: (_: unknown, p) => columnLabel(headerOf, p),
          },
          {
            title: t('problems.col.message'), dataIndex: 'message',
            render: (m: string, p) => (
              <>
                {/* On a phone the column has no room of its own: it leads the message. */}
                {!wide && <Typography.Text strong>{columnLabel(headerOf, p)}：</Typography.Text>}
                <Typography.Text type="danger">{m}</Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
