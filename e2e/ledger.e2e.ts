// Journeys of the project office through the ledger: sign in, filter, open a file card, edit it and
// find the change in its history; import a ledger with a bad row and read the row-level message.
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, jsErrors, launch, newPage, shot, signIn } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
  const office = demoLogin('office');
  await signIn(page, office.username, office.password);
});
afterAll(async () => {
  await browser?.close();
});

const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');

describe('the project office works the ledger', () => {
  it('signs in and sees the demo city’s ledger with its totals', async () => {
    await page.waitForURL(/\/projects/);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const body = await page.locator('body').innerText();
    expect(body).toContain('项目台账');
    // 400 projects, ¥300 bn in the demo city.
    expect(body).toMatch(/400\s*个?/);
    expect(body).toContain('3,000.00亿元');
    await shot(page, 'ledger');
  });

  it('filters by text, pinyin initials included', async () => {
    const apiCodes = (q: string) =>
      page.evaluate(async (qq) => {
        const res = await fetch(`/api/v1/projects?q=${encodeURIComponent(qq)}&pageSize=100`);
        return ((await res.json()) as { items: { code: string }[] }).items.map((p) => p.code);
      }, q);
    const search = page.getByPlaceholder(/搜索/);
    for (const q of ['调味品', 'sxtwp']) {
      const expected = await apiCodes(q);
      expect(expected.length).toBeGreaterThan(0);
      await search.fill(q);
      await search.press('Enter');
      await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.match(/LC\d{4}-\d{4}/)?.[0]).sort(), { timeout: 15_000 }).toEqual([...expected].sort());
      expect(page.url()).toContain('q=');
    }
    await search.fill('');
    await search.press('Enter');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBeGreaterThan(5);
  });

  it('opens a file card, edits a field and finds the change in the history', async () => {
    const first = rows().first();
    const name = (await first.locator('td').nth(1).innerText()).trim();
    await first.click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1, h2, h3, h4').first().innerText(), { timeout: 15_000 }).toContain(name.slice(0, 6));
    await shot(page, 'card');

    await page.getByRole('button', { name: /编辑项目/ }).click();
    const nameInput = page.getByLabel('项目名称');
    await nameInput.waitFor();
    const renamed = `${name}（二期）`;
    await nameInput.fill(renamed);
    await page.getByRole('button', { name: /保\s*存/ }).first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(renamed);

    await page.getByRole('tab', { name: /变更记录/ }).click();
    const history = page.getByRole('tabpanel');
    await expect.poll(() => history.innerText(), { timeout: 15_000 }).toContain('操作人');
    const text = await history.innerText();
    expect(text).toContain(renamed);
    // The value before the edit stands on its own, not only as the start of the new name.
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(new RegExp(`${escaped}(?!（二期）)`));
    expect(text).toContain('office');
    await shot(page, 'history');
  });

  it('imports a ledger with a bad row and shows the row, the column and what is wrong', async () => {
    const file = path.join(os.tmpdir(), `tuijin-e2e-${Date.now()}.xlsx`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['2024年重点项目台账（莘县）']);
    ws.addRow(['项目编码', '项目名称', '县（市、区）', '项目单位', '包靠领导', '项目级别', '项目类别', '所属行业', '总投资（万元）', '计划开工时间']);
    ws.addRow(['E2E-001', '莘县智能灌装生产线项目', '莘县', '莘县智能装备有限公司', '谭志', '市级', '产业类', '机床及高端装备', 12000, '2024/9/1']);
    ws.addRow(['E2E-002', '莘县冷链物流园项目', '莘县', '莘县冷链物流有限公司', '谭志', '市级', '产业类', '现代物流', '一万二', '2024年9月']);
    await wb.xlsx.writeFile(file);

    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: /检查文件/ }).click();
    const body = page.locator('body');
    await expect.poll(() => body.innerText(), { timeout: 30_000 }).toMatch(/总投资/);
    const text = await body.innerText();
    // Row 4 of the sheet (title row, header row, a good row, then the bad one).
    expect(text).toMatch(/4/);
    expect(text).toMatch(/总投资[（(]万元[）)]/);
    expect(text).toMatch(/金额|数字/);
    await shot(page, 'import-problems');
    expect(jsErrors(page)).toEqual([]);
  });
});

describe('on a phone', () => {
  it('shows the ledger as a readable list', async () => {
    const phone = await newPage(browser, { width: 390, height: 844 });
    const office = demoLogin('office');
    await signIn(phone, office.username, office.password);
    await phone.waitForURL(/\/projects/);
    await expect.poll(() => phone.locator('body').innerText(), { timeout: 20_000 }).toContain('亿元');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(400);
    await shot(phone, 'ledger-phone');
    expect(jsErrors(phone)).toEqual([]);
  });
});
