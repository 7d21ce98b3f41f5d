// A roadblock in the browser: the department accepts it with a date by which it will be solved,
// misses that date, the scheduler's escalation (`npx tuijin escalate --at`, run against the live
// server) lifts it up the ladder and rings the bell, the department solves it, and the county unit
// that raised it verifies and closes it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogin, jsErrors, launch, newPage, shot, signIn } from './browser.ts';

// The demo roadblock routed to the department user's bureau, to be accepted on the demo's day.
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

describe('department accepts with a date, misses it → escalation → solves → the raiser verifies and it closes', () => {
  // The demo stands on Friday 20 December 2024 (the server's pinned clock): the roadblock is due to be
  // accepted today. The department commits to Monday 23 December; the scheduler's run on 8 January
  // finds it 11 working days past that date (New Year's Day is a holiday) and lifts it to the city.
  const COMMITTED = '2024-12-23';
  const ESCALATE_AT = '2025-01-08';

  it('the department sees the roadblock in its queue, to be accepted today', async () => {
    await dept.goto('/problems');
    await expect.poll(() => body(dept), { timeout: 20_000 }).toContain('待我受理');
    await openProblem(dept);
    expect(await body(dept)).toContain('0 · 责任部门');
    expect(await body(dept)).toContain('2024年12月20日');
    expect(await dept.getByTestId('demo-clock').innerText()).toContain('2024年12月20日');
  });

  it('the department accepts it, committing to a date by which it will be solved', async () => {
    await dept.getByRole('button', { name: /^受\s*理$/ }).click();
    const accept = dialog(dept);
    await accept.getByLabel('办结时限').click();
    const picker = dept.locator('.ant-picker-dropdown').filter({ visible: true });
    // Days before the server's today cannot be chosen.
    await expect.poll(() => picker.locator('td[title="2024-12-19"]').getAttribute('class')).toContain('ant-picker-cell-disabled');
    await picker.locator(`td[title="${COMMITTED}"]`).click();
    await accept.getByRole('button', { name: /^受\s*理$/ }).click();
    await expect.poll(() => body(dept), { timeout: 15_000 }).toMatch(/办理中|已受理/);
    expect(await body(dept)).toContain('2024年12月23日');
  });

  it('the date passes: the scheduler’s escalation lifts it to the city dispatch meeting and rings the bell', async () => {
    const before = await unread(dept);
    const dataDir = inject('dataDir');
    expect(dataDir, 'the e2e server’s DATA_DIR').toBeTruthy();
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/tuijin.mjs', 'escalate', '--at', ESCALATE_AT], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 60_000,
    });
    expect(stdout).toContain(CODE);
    await dept.reload();
    await expect.poll(() => body(dept), { timeout: 15_000 }).toContain('3 · 市调度会');
    const text = await body(dept);
    expect(text).toContain(`未按办结时限办结（时限 ${COMMITTED}）`);
    expect(text).toContain('升级至市调度会');
    const after = await unread(dept);
    expect((after.count ?? after.unread)!).toBeGreaterThan((before.count ?? before.unread)!);
    await shot(dept, 'problem-escalated');
  });

  it('the department solves it', async () => {
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
