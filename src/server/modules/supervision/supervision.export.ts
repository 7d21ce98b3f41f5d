// The supervision order list (督办单台账) and the accountability list (约谈名单) as .xlsx: one
// header row, China times, text neutralised as in the ledger export.
import ExcelJS from 'exceljs';
import {
  ACCOUNTABILITY_REASON_LABELS, ACCOUNTABILITY_STATUS_LABELS, ORDER_STATUS_LABELS,
  type AccountabilityEntryDto, type SupervisionOrderDto,
} from '../../../contract/supervision.ts';
import { chinaDateTime } from '../../../domain/dates.ts';
import { clockToday } from '../../clock.ts';
import { neutralise, styleHeaderRow } from '../../io/ledger-sheet.ts';

type Column<T> = { header: string; width: number; value: (r: T) => string | number | null };

const ORDER_COLUMNS: Column<SupervisionOrderDto>[] = [
  { header: '督办单编号', width: 20, value: (r) => r.number },
  { header: '项目编码', width: 16, value: (r) => r.projectCode },
  { header: '项目名称', width: 40, value: (r) => r.projectName },
  { header: '所属区域', width: 14, value: (r) => r.regionName },
  { header: '调度期', width: 12, value: (r) => r.periodLabel },
  { header: '责任单位', width: 26, value: (r) => r.responsibleOrgName },
  { header: '包靠领导', width: 12, value: (r) => r.leaderName },
  { header: '督办事由', width: 50, value: (r) => r.reason },
  { header: '下发时间', width: 18, value: (r) => chinaDateTime(r.issuedAt) },
  { header: '办理时限', width: 12, value: (r) => r.deadline },
  { header: '状态', width: 14, value: (r) => ORDER_STATUS_LABELS[r.status] },
  { header: '是否逾期', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
  { header: '书面答复', width: 50, value: (r) => r.response },
  { header: '答复时间', width: 18, value: (r) => chinaDateTime(r.respondedAt) },
  { header: '审核意见', width: 30, value: (r) => r.decisionNote },
  { header: '审核时间', width: 18, value: (r) => chinaDateTime(r.decidedAt) },
];

const ENTRY_COLUMNS: Column<AccountabilityEntryDto>[] = [
  { header: '项目编码', width: 16, value: (r) => r.projectCode },
  { header: '项目名称', width: 40, value: (r) => r.projectName },
  { header: '所属区域', width: 14, value: (r) => r.regionName },
  { header: '责任单位', width: 26, value: (r) => r.responsibleOrgName },
  { header: '包靠领导', width: 12, value: (r) => r.leaderName },
  { header: '列入原因', width: 18, value: (r) => ACCOUNTABILITY_REASON_LABELS[r.reason] },
  { header: '调度期', width: 12, value: (r) => r.periodLabel },
  { header: '督办单编号', width: 20, value: (r) => r.orderNumber },
  { header: '列入时间', width: 18, value: (r) => chinaDateTime(r.createdAt) },
  { header: '状态', width: 10, value: (r) => ACCOUNTABILITY_STATUS_LABELS[r.status] },
  { header: '约谈日期', width: 12, value: (r) => r.talkDate },
  { header: '参加人员', width: 30, value: (r) => r.participants },
  { header: '约谈结果', width: 50, value: (r) => r.outcome },
];

async function workbook<T>(sheet: string, cols: Column<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '推进 · 重点项目推进平台';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  styleHeaderRow(ws.getRow(1));
  for (const r of rows) ws.addRow(cols.map((c) => { const v = c.value(r); return typeof v === 'string' ? neutralise(v) : v; }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface Book { buffer: Buffer; fileName: string; asciiFileName: string }

export async function ordersWorkbook(rows: SupervisionOrderDto[]): Promise<Book> {
  const day = clockToday().replace(/-/g, '');
  return { buffer: await workbook('督办单', ORDER_COLUMNS, rows), fileName: `督办单台账-${day}.xlsx`, asciiFileName: `supervision-orders-${day}.xlsx` };
}

export async function accountabilityWorkbook(rows: AccountabilityEntryDto[]): Promise<Book> {
  const day = clockToday().replace(/-/g, '');
  return { buffer: await workbook('约谈名单', ENTRY_COLUMNS, rows), fileName: `约谈名单-${day}.xlsx`, asciiFileName: `accountability-${day}.xlsx` };
}
