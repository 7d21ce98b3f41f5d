// The monthly dispatch in the browser: an owner files December's report, the county's unit returns it
// with a reason, the owner fixes and resubmits it, the unit approves it, and the county's figures on
// the statistics page move by exactly the approved amount.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, jsErrors, launch, newPage, shot, signIn } from './browser.ts';

// A project of the demo owner whose December 2024 report is still missing (DEMO_JOURNEY in the seed).
const CODE = 'LC2024-0139';
const COUNTY = '371522'; // 莘县
const STATS = `/api/v1/stats?region=${COUNTY}&year=2024&month=12`;

let browser: Browser;
let owner: Page;
let unit: Page;

beforeAll(async () => {
  browser = await launch();
  owner = await newPage(browser);
  unit = await newPage(browser);
  for (const [page, role] of [[owner, 'owner'], [unit, 'unit']] as const) {
    const login = demoLogin(role);
    await signIn(page, login.username, login.password);
    await page.waitForURL(/\/projects/);
  }
});
afterAll(async () => {
  await browser?.close();
});

interface StatsTotal {
  ytdInvestment: string;
  ytdFundsArrived: string;
  reportedCount: number;
}
const countyTotal = (page: Page) =>
  page.evaluate(async (url) => ((await (await fetch(url)).json()) as { total: StatsTotal }).total, STATS);

const dialog = (page: Page) => page.locator('.ant-modal-confirm, .ant-modal, .ant-popover').filter({ visible: true }).last();

async function confirm(page: Page) {
  await dialog(page).getByRole('button', { name: /确\s*定|确\s*认|提\s*交|通\s*过|退\s*回|OK/ }).last().click();
}

/** Opens the project's December report from a list on /reports (the tab given). */
async function openFromList(page: Page, tab: RegExp, action: RegExp) {
  await page.goto('/reports');
  await page.getByRole('tab', { name: tab }).click();
  const row = page.locator('tr.ant-table-row:visible', { hasText: CODE });
  await expect.poll(() => row.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = row.first();
  await first.getByRole('button', { name: action }).or(first.getByRole('link', { name: action })).first().click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(CODE);
}

async function statusShows(page: Page, label: RegExp) {
  await expect.poll(() => page.locator('h1, h2, h3, h4, .ant-page-header, header').first().innerText().catch(() => ''), { timeout: 15_000 }).toBeTruthy();
  await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toMatch(label);
}

describe('owner files → unit returns → owner fixes → unit approves → the county’s figures change', () => {
  let before: StatsTotal;

  it('the owner finds the report due, fills it in and submits it', async () => {
    before = await countyTotal(unit);
    await openFromList(owner, /待我填报/, /^填\s*报$/);
    await owner.getByLabel('本期完成投资').fill('1200');
    await owner.getByLabel('企业自筹').fill('800');
    await owner.getByLabel('形象进度', { exact: true }).fill('主体结构完成 80%，设备基础施工中');
    await owner.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => owner.locator('body').innerText(), { timeout: 15_000 }).toContain('已保存草稿');
    await owner.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm(owner);
    await statusShows(owner, /待审核/);
    await shot(owner, 'report-submitted');
    // Submitted but not approved: the county's figures have not moved.
    expect((await countyTotal(unit)).ytdInvestment).toBe(before.ytdInvestment);
  });

  it('the unit finds it in the review queue and returns it with a reason', async () => {
    await openFromList(unit, /待我审核/, /^审\s*核$/);
    await expect.poll(() => unit.getByLabel('形象进度', { exact: true }).inputValue(), { timeout: 15_000 }).toContain('主体结构完成 80%');
    await unit.getByRole('button', { name: /^退\s*回$/ }).click();
    await dialog(unit).getByRole('textbox').fill('本期完成投资与监理月报不符，请核实后重报');
    await confirm(unit);
    await statusShows(unit, /已退回/);
  });

  it('the owner reads the reason, fixes the figure and resubmits', async () => {
    await openFromList(owner, /待我填报/, /^(填\s*报|修\s*改)$/);
    await expect.poll(() => owner.locator('body').innerText(), { timeout: 15_000 }).toContain('本期完成投资与监理月报不符');
    await owner.getByLabel('本期完成投资').fill('1500');
    await owner.getByRole('button', { name: /^提\s*交$/ }).click();
    await confirm(owner);
    await statusShows(owner, /待审核/);
  });

  it('the unit approves it, and the county’s year-to-date investment grows by exactly 1,500 万元', async () => {
    await openFromList(unit, /待我审核/, /^审\s*核$/);
    await expect.poll(() => unit.getByLabel('本期完成投资').inputValue(), { timeout: 15_000 }).toMatch(/1,?500/);
    await unit.getByRole('button', { name: /^审核通过$/ }).click();
    // The server's answer is checked itself, so a refusal shows its reason rather than a missing label.
    const [approved] = await Promise.all([
      unit.waitForResponse((r) => /\/approve$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST', { timeout: 30_000 }),
      confirm(unit),
    ]);
    expect(approved.status(), await approved.text()).toBe(200);
    await statusShows(unit, /已审核/);
    // The history keeps every step, with who did it.
    const history = await unit.locator('body').innerText();
    for (const step of ['保存', '提交', '退回', '审核通过']) expect(history).toContain(step);

    const after = await countyTotal(unit);
    const wan = (s: string) => Math.round(Number(s) * 10000);
    expect(wan(after.ytdInvestment) - wan(before.ytdInvestment)).toBe(1500 * 10000);
    expect(wan(after.ytdFundsArrived) - wan(before.ytdFundsArrived)).toBe(800 * 10000);
    expect(after.reportedCount).toBe(before.reportedCount + 1);
  });

  it('the statistics page shows the county’s new figure', async () => {
    const after = await countyTotal(unit);
    await unit.goto(`/stats?region=${COUNTY}&year=2024&month=12`);
    const yi = (Number(after.ytdInvestment) / 10000).toFixed(2);
    await expect.poll(() => unit.locator('body').innerText(), { timeout: 20_000 }).toContain(`${yi}亿元`);
    await shot(unit, 'stats-county');
    expect(jsErrors(owner)).toEqual([]);
    expect(jsErrors(unit)).toEqual([]);
  });
});
