// The city dispatch meeting's list as a spreadsheet: the same columns as the Word document, on the
// statistics exports' table sheet (title, date line, header, text neutralised).
import ExcelJS from 'exceljs';
import type { DispatchRow } from '../../contract/problems.ts';
import { DISPATCH_COLUMNS, DISPATCH_TITLE } from './dispatch.docx.ts';
import { addTableSheet, type SheetColumn } from './stats.xlsx.ts';

export async function buildDispatchXlsx(rows: readonly DispatchRow[], date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tuijin 推进';
  const numbered = rows.map((r, i) => ({ r, i }));
  const columns: SheetColumn<{ r: DispatchRow; i: number }>[] = DISPATCH_COLUMNS.map((c) => ({
    header: c.header,
    width: Math.max(6, Math.round(c.width / 110)),
    kind: c.header === '序号' || c.header === '超期工作日' ? 'int' : 'text',
    value: ({ r, i }) => c.value(r, i),
  }));
  addTableSheet(wb, { name: '调度会问题清单', title: DISPATCH_TITLE, subtitle: `截至${date}　共 ${rows.length} 个问题`, columns, rows: numbered });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
