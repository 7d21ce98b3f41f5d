// The timeline as spreadsheet rows: one line per procedure or milestone, with its project, streamed
// to any writable. The same rows and statuses as the JSON; dates as real dates; text neutralised so
// nothing runs as a formula.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GanttRowDto } from '../../../contract/gantt.ts';
import { GANTT_STATUS_LABELS } from '../../../domain/gantt.ts';
import { DATE_FORMAT, neutralise, styleHeaderRow } from '../../io/ledger-sheet.ts';

export interface GanttLine {
  project: { code: string; name: string; regionName: string; leaderName: string | null };
  row: GanttRowDto;
}

type Kind = 'text' | 'date' | 'int';
const COLUMNS: { header: string; width: number; kind: Kind; value: (l: GanttLine) => string | number | null }[] = [
  { header: '项目代码', width: 18, kind: 'text', value: (l) => l.project.code },
  { header: '项目名称', width: 36, kind: 'text', value: (l) => l.project.name },
  { header: '所在区域', width: 14, kind: 'text', value: (l) => l.project.regionName },
  { header: '包靠领导', width: 10, kind: 'text', value: (l) => l.project.leaderName },
  { header: '类型', width: 8, kind: 'text', value: (l) => (l.row.kind === 'procedure' ? '手续' : '节点') },
  { header: '名称', width: 22, kind: 'text', value: (l) => l.row.name },
  { header: '原计划日期', width: 13, kind: 'date', value: (l) => l.row.baselineDate },
  { header: '计划日期', width: 13, kind: 'date', value: (l) => l.row.plannedDate },
  { header: '实际日期', width: 13, kind: 'date', value: (l) => l.row.actualDate },
  { header: '状态', width: 12, kind: 'text', value: (l) => GANTT_STATUS_LABELS[l.row.status] },
  { header: '逾期天数', width: 10, kind: 'int', value: (l) => l.row.lateDays },
  { header: '计划调整天数', width: 12, kind: 'int', value: (l) => l.row.slipDays },
  { header: '责任人/审批部门', width: 24, kind: 'text', value: (l) => l.row.responsible },
];
export const GANTT_HEADERS = COLUMNS.map((c) => c.header);

function cell(kind: Kind, v: string | number | null): ExcelJS.CellValue {
  if (v == null || v === '') return null;
  if (kind === 'int') return Number(v);
  if (kind === 'date') {
    const [y, m, d] = String(v).split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  return neutralise(String(v));
}

export interface GanttWriter {
  add(line: GanttLine): void;
  finish(): Promise<void>;
}

export function createGanttWriter(stream: Writable, sheetName: string): GanttWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '推进 · 重点项目推进平台';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeaderRow(ws.getRow(1));
  ws.getRow(1).commit();
  // One style object per column: ExcelJS caches styles by identity.
  const styles = COLUMNS.map((c) => (c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}) as Partial<ExcelJS.Style>);
  const overdue: Partial<ExcelJS.Style> = { font: { color: { argb: 'FFC00000' }, bold: true } };
  return {
    add(l) {
      const r = ws.addRow(COLUMNS.map((c) => cell(c.kind, c.value(l))));
      r.eachCell({ includeEmpty: true }, (x, col) => {
        x.style = l.row.status === 'overdue' && COLUMNS[col - 1]!.header === '状态' ? overdue : styles[col - 1]!;
      });
      r.commit();
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}
