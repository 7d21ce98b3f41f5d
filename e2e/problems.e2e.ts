// A roadblock in the browser: the department misses its accept date, the scheduler's escalation
// (`npx tuijin escalate`, run against the live server) lifts it up the ladder and rings the bell,
// the department accepts and solves it, and the county unit that raised it verifies and closes it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogin, jsErrors, launch, newPage, shot, signIn } from './browser.ts';

// The demo roadblock routed to the department user's bureau, past its accept date, not yet escalated.
const CODE = 'WT2024-00058';

let browser: Browser;
let dept: Page;
let unit: Page;

beforeAll(async () => {
  browser = await launch();
  dept = await newPage(browser);
  unit = await newPage(browser);
  for (const [page, role] of [[dept, 'department'], [unit, 'unit']] as const) {
    const login = demoLogin(role);
    await signIn(page, login.username, login.password);
    await page.waitForURL(/\/projects/);
  }
});
afterAll(async () => {
  await browser?.close();
});

const body = (page: Page) => page.locator('body').innerText();
const dialog = (page: Page) => page.locator('.ant-modal').filter({ visible: true }).last();

async function openProblem(page: Page) {
  await page.goto('/problems');
  const row = page.locator('tr.ant-table-row:visible', { hasText: CODE });
  await expect.poll(() => row.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await row.first().getByRole('link').first().click();
  await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
  await expect.poll(() => body(page), { timeout: 15_000 }).toContain(CODE);
}

const unread = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/v1/notifications/unread-count')).json()) as { count?: number; unread?: number }));

describe('department misses its date → escalation → accepts and solves → the raiser verifies and it closes', () => {
  it('the department sees the roadblock overdue in its queue', async () => {
    await dept.goto('/problems');
    await expect.poll(() => body(dept), { timeout: 20_000 }).toContain('待我受理');
    await openProblem(dept);
    expect(await body(dept)).toMatch(/逾期\s*\d+\s*个工作日/);
    expect(await body(dept)).toContain('0 · 责任部门');
  });

  it('the scheduler’s escalation lifts it to the city dispatch meeting and notifies the department', async () => {
    const before = await unread(dept);
    const dataDir = inject('dataDir');
    expect(dataDir, 'the e2e server’s DATA_DIR').toBeTruthy();
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/tuijin.mjs', 'escalate'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 60_000,
    });
    expect(stdout).toContain(CODE);
    await dept.reload();
    await expect.poll(() => body(dept), { timeout: 15_000 }).toContain('3 · 市调度会');
    expect(await body(dept)).toContain('升级');
    const after = await unread(dept);
    expect((after.count ?? after.unread)!).toBeGreaterThan((before.count ?? before.unread)!);
    await shot(dept, 'problem-escalated');
  });

  it('the department accepts it with a committed date, then solves it', async () => {
    await dept.getByRole('button', { name: /^受\s*理$/ }).click();
    const accept = dialog(dept);
    // Pick a day next month in the calendar: always a date the department can still commit to.
    await accept.getByLabel('办结时限').click();
    const picker = dept.locator('.ant-picker-dropdown').filter({ visible: true });
    await picker.locator('.ant-picker-header-next-btn').click();
    await picker.locator('.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)').first().click();
    await accept.getByRole('button', { name: /^受\s*理$/ }).click();
    await expect.poll(() => body(dept), { timeout: 15_000 }).toMatch(/办理中|已受理/);

    await dept.getByRole('button', { name: /^办\s*结$/ }).click();
    const solve = dialog(dept);
    await solve.getByLabel('解决情况').fill('已协调调剂用地指标 80 亩，完成预审');
    await solve.getByRole('button', { name: /^办\s*结$/ }).click();
    await expect.poll(() => body(dept), { timeout: 15_000 }).toMatch(/已办结|待确认/);
  });

  it('the unit that raised it verifies, and it closes with every step kept', async () => {
    await openProblem(unit);
    await expect.poll(() => body(unit), { timeout: 15_000 }).toContain('已协调调剂用地指标 80 亩');
    await unit.getByRole('button', { name: /^确认解决$/ }).click();
    await dialog(unit).getByRole('button', { name: /^确认解决$/ }).click();
    await expect.poll(() => body(unit), { timeout: 15_000 }).toContain('已关闭');
    const text = await body(unit);
    for (const step of ['提出', '升级', '受理', '办结']) expect(text).toContain(step);
    await shot(unit, 'problem-closed');
    expect(jsErrors(dept)).toEqual([]);
    expect(jsErrors(unit)).toEqual([]);
  });
});
