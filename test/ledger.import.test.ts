import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/domain/dates.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, HIGH_TECH_ZONE, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { buildLedger, buildXlsx, goodRow, upload } from './helpers/xlsx.ts';

let t: TestApp;
let office: Client;
const thisYear = Number(todayIso().slice(0, 4));
const q = async (text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  office = await login(t.app, 'office1');
});
afterAll(() => t.close());

describe('importing a good file', () => {
  it('previews without writing, then creates projects with their plans, parties, transitions, audit and job', async () => {
    await createOrg(t.database.db, { name: '市工业和信息化局', kind: 'department', regionCode: REGIONS.city.code });
    const file = await buildLedger([
      goodRow('G-001'),
      goodRow('G-002', { owner: '聊城某某食品有限公司', responsibleUnit: '市工业和信息化局', industry: '食品加工', stage: '开工', actualStart: '2024-03-18' }),
    ]);
    const dry = await upload(office, file, { fileName: '2024年重点项目台账.xlsx' });
    expect(dry.statusCode, dry.body).toBe(200);
    const p = dry.json();
    expect(p).toMatchObject({ fileName: '2024年重点项目台账.xlsx', headerRow: 1, rowCount: 2, toCreate: 2, toUpdate: 0, unchanged: 0, errorRows: 0, problems: [], committed: false, year: thisYear });
    expect(p.headers.every((h: { recognized: boolean; source: string }) => h.recognized && h.source === 'auto')).toBe(true);
    expect(p.newOrgs).toEqual(expect.arrayContaining([
      { name: '聊城某某化工有限公司', kind: 'enterprise', as: 'owner' },
      { name: '聊城某某食品有限公司', kind: 'enterprise', as: 'owner' },
      { name: '东昌府区人民政府', kind: 'government', as: 'responsibleUnit' },
    ]));
    expect(p.newOrgs).toHaveLength(3); // 市工业和信息化局 exists already
    expect(p.newPeople).toEqual([{ name: '李建国' }]);
    expect(await q('select count(*)::int n from projects')).toEqual([{ n: 0 }]);
    expect(await q('select count(*)::int n from organizations')).toEqual([{ n: 1 }]);

    const res = await upload(office, file, { dryRun: false, fileName: '2024年重点项目台账.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, toCreate: 2, importId: expect.any(String) });

    const [g1] = await q(`select p.*, o.name owner, u.name unit, l.name leader, l.is_leader, l.region_code leader_region
      from projects p left join organizations o on o.id = p.owner_org_id left join organizations u on u.id = p.responsible_org_id
      left join people l on l.id = p.leader_person_id where code = 'G-001'`);
    expect(g1).toMatchObject({
      name: '测试导入项目G-001', region_code: '371502', region_path: '370000/371500/371502/', level: 'municipal', category: 'industrial',
      industry: 'chemicals', total_investment: '52000.5000', planned_start: '2024-09-01', planned_completion: '2025-12-31', stage: 'preparation',
      tags: ['招商引资', '新质生产力'], longitude: '115.985000', latitude: '36.456000', owner: '聊城某某化工有限公司', unit: '东昌府区人民政府',
      leader: '李建国', is_leader: true, leader_region: '371500', version: 1,
    });
    expect(g1.search_text).toContain('g-001');
    expect(g1.search_text).toContain('csdrxm'); // pinyin initials of 测试导入项目
    const [g2] = await q(`select stage, actual_start, stage_date from projects where code = 'G-002'`);
    expect(g2).toEqual({ stage: 'started', actual_start: '2024-03-18', stage_date: '2024-03-18' });
    expect(await q(`select kind from organizations where name = '东昌府区人民政府'`)).toEqual([{ kind: 'government' }]);
    expect(await q(`select year, planned_investment from annual_plans order by planned_investment`)).toEqual([
      { year: thisYear, planned_investment: '12000.0000' }, { year: thisYear, planned_investment: '12000.0000' },
    ]);
    expect(await q(`select from_stage, to_stage from stage_transitions order by to_stage`)).toEqual([
      { from_stage: null, to_stage: 'preparation' }, { from_stage: null, to_stage: 'started' },
    ]);
    const audit = await q(`select action, username, after->>'code' code, after->>'totalInvestment' total, before is null as fresh, note,
      project_id = (select id from projects where code = after->>'code') as linked from audit_log where entity_type = 'project' order by code`);
    const note = '台账导入：2024年重点项目台账.xlsx';
    expect(audit).toEqual([
      { action: 'project.imported', username: 'office1', code: 'G-001', total: '52000.5', fresh: true, note, linked: true },
      { action: 'project.imported', username: 'office1', code: 'G-002', total: '52000.5', fresh: true, note, linked: true },
    ]);
    const [job] = await q('select username, file_name, file_sha256, row_count, created, updated, unchanged from import_jobs');
    expect(job).toMatchObject({ username: 'office1', file_name: '2024年重点项目台账.xlsx', row_count: 2, created: 2, updated: 0, unchanged: 0 });
    expect(job.file_sha256).toMatch(/^[0-9a-f]{64}$/);

    const again = await upload(office, file);
    expect(again.json()).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, newOrgs: [], newPeople: [] });
  });
});

describe('messy county files', () => {
  it('finds the header under a merged title, reads header variants, units, text dates, regions by code and short name', async () => {
    const file = await buildXlsx([{
      name: '重点项目',
      merges: ['A1:P1'],
      rows: [
        ['2025年聊城市重点项目台账'],
        ['填报单位：聊城市发展和改革委员会', null, null, null, null, null, null, null, null, null, null, '单位：亿元、万元'],
        ['序号', ' 项目代码 ', '项目\n名称', '县（市、区）', '建设单位', '牵头单位', '包挂领导', '级别', '类别', '行业', '计划总投资（亿元）',
          '2025年计划投资（万元）', '开工时间', '计划竣工时间', '阶段', '备注'],
        [1, 'M-001', { richText: [{ text: '莘县调味品' }, { text: '全产业链项目' }] }, '371522', '莘县某某调味品有限公司', '莘县人民政府', '王志强',
          '省重点', '工业', '食品', 1.5, 8000, '2024/9/1', '2025年12月', '在建', '已纳入省重点'],
        [2, 'M-002', '绿色化工产业链延链项目', '高新区', '聊城某某新材料有限公司', '聊城高新区管委会', '王志强',
          '市级重点项目', '产业类', '化工', { formula: '2+0.35', result: 2.35 }, '3,500.5', new Date(Date.UTC(2025, 2, 15)), '2026-06-30', '前期', null],
        [3, 'M-003', '东昌府区城市更新项目', '东昌府', '聊城某某城建有限公司', '东昌府区住房和城乡建设局', '赵敏',
          '县级', '基础设施', '基础设施', '12亿', null, '2025.4', null, '储备', null],
        ['合计', null, null, null, null, null, null, null, null, null, 15.85],
      ],
    }]);
    const res = await upload(office, file);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ sheet: '重点项目', headerRow: 3, year: 2025, rowCount: 3, toCreate: 3, problems: [] });
    const h = Object.fromEntries(p.headers.map((x: { header: string }) => [x.header, x]));
    expect(h['序号']).toMatchObject({ field: null, recognized: true });
    expect(h['备注']).toMatchObject({ field: null, recognized: false, source: null });
    expect(h['计划总投资（亿元）']).toMatchObject({ field: 'totalInvestment', column: 'K' });
    expect(h['项目\n名称']).toMatchObject({ field: 'name' });
    expect(p.newOrgs.find((o: { name: string }) => o.name === '东昌府区住房和城乡建设局')).toMatchObject({ kind: 'department' });

    expect((await upload(office, file, { dryRun: false })).statusCode).toBe(200);
    const rows = await q(`select code, name, region_code, level, category, industry, total_investment, planned_start, planned_completion, stage
      from projects where code like 'M-%' order by code`);
    expect(rows).toEqual([
      { code: 'M-001', name: '莘县调味品全产业链项目', region_code: '371522', level: 'provincial', category: 'industrial', industry: 'food',
        total_investment: '15000.0000', planned_start: '2024-09-01', planned_completion: '2025-12-01', stage: 'construction' },
      { code: 'M-002', name: '绿色化工产业链延链项目', region_code: HIGH_TECH_ZONE.code, level: 'municipal', category: 'industrial', industry: 'chemicals',
        total_investment: '23500.0000', planned_start: '2025-03-15', planned_completion: '2026-06-30', stage: 'preparation' },
      { code: 'M-003', name: '东昌府区城市更新项目', region_code: '371502', level: 'county', category: 'infrastructure', industry: 'infrastructure',
        total_investment: '120000.0000', planned_start: '2025-04-01', planned_completion: null, stage: 'reserve' },
    ]);
    expect(await q(`select a.planned_investment from annual_plans a join projects p on p.id = a.project_id where p.code = 'M-002' and a.year = 2025`))
      .toEqual([{ planned_investment: '3500.5000' }]);
    // One leader named twice is created once.
    expect(await q(`select count(*)::int n from people where name = '王志强'`)).toEqual([{ n: 1 }]);
  });
});

describe('hand-made column mapping', () => {
  const headers = ['工程编号', '项目名称', '所属区域', '项目级别', '项目类别', '所属行业', '投资额(万元)'];
  const file = (code: string) => buildXlsx([{ rows: [headers, [code, `映射测试项目${code}`, '莘县', '县级', '社会民生类', '社会民生', 900]] }]);

  it('asks for the unknown columns, applies a mapping, and remembers it for the next file with the same headers', async () => {
    const first = await upload(office, await file('MAP-1'));
    expect(first.statusCode).toBe(400);
    expect(first.json().error).toMatchObject({ code: 'bad_file', message: expect.stringContaining('没有「项目编码」列') });

    const mapping = { 工程编号: 'code', '投资额(万元)': 'totalInvestment' };
    const mapped = await upload(office, await file('MAP-1'), { mapping });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().headers.filter((h: { source: string }) => h.source === 'mapping').map((h: { field: string }) => h.field)).toEqual(['code', 'totalInvestment']);
    expect(mapped.json()).toMatchObject({ toCreate: 1, problems: [] });

    const next = await upload(office, await file('MAP-2'));
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().headers.filter((h: { source: string }) => h.source === 'remembered').map((h: { header: string }) => h.header)).toEqual(['工程编号', '投资额(万元)']);
    expect((await upload(office, await file('MAP-2'), { dryRun: false })).statusCode).toBe(200);
    expect(await q(`select total_investment, region_code from projects where code = 'MAP-2'`)).toEqual([{ total_investment: '900.0000', region_code: '371522' }]);
  });

  it('refuses a mapping to a field that does not exist', async () => {
    const res = await upload(office, await file('MAP-3'), { mapping: { 工程编号: 'projectNumber' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('mapping.工程编号');
  });
});

describe('rows with problems', () => {
  it('names the Excel row, the column and what is wrong, in Chinese; a commit writes nothing at all', async () => {
    const counts = () => q(`select (select count(*) from projects)::int p, (select count(*) from organizations)::int o,
      (select count(*) from people)::int l, (select count(*) from audit_log)::int a, (select count(*) from import_jobs)::int j`);
    const before = await counts();
    const file = await buildLedger([
      goodRow('B-001', { owner: '一家从未出现过的企业', leader: '从未出现的领导' }),
      goodRow('B-002', { name: null }),
      goodRow('B-003', { level: '特级' }),
      goodRow('B-004', { totalInvestment: '约五亿' }),
      goodRow('B-005', { plannedStart: '2024-13-45' }),
      goodRow('B-006', { region: '滕州市' }),
      goodRow('B-007', { region: '火星' }),
      goodRow('B-008', { longitude: 200 }),
      goodRow('B-001'),
      goodRow('B-010', { batch: '不存在的批次' }),
      goodRow('B-011', { plannedStart: '2025-06-01', plannedCompletion: '2024-06-01' }),
    ], { titleRows: [['2024年重点项目台账']] });
    const res = await upload(office, file);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ rowCount: 11, toCreate: 1, errorRows: 10 });
    const problems = p.problems.map((x: { row: number; column: string; message: string }) => [x.row, x.column, x.message]);
    expect(problems).toEqual([
      [4, '项目名称', '新建项目须填写项目名称'],
      [5, '项目级别', '项目级别「特级」无法识别，应为：省级、市级、县级'],
      [6, '总投资(万元)', '总投资「约五亿」不是有效金额，应为以万元计的数字'],
      [7, '计划开工日期', '计划开工日期「2024-13-45」不是有效日期，应为 2024-09-01、2024/9/1 或 2024年9月'],
      [8, '所属区域', '所属区域「滕州市」不在您的管辖范围内'],
      [9, '所属区域', '所属区域「火星」无法识别，请填写区县名称（如 莘县、东昌府区）或行政区划代码'],
      [10, '经度', '经度应在 73 到 136 之间'],
      [11, '项目编码', '项目编码「B-001」与第 3 行重复'],
      [12, '集中开工批次', '集中开工批次「不存在的批次」不存在或不在您的管辖范围内，请先在「集中开工」中建立批次'],
      [13, '计划竣工日期', '计划竣工日期早于计划开工日期'],
    ]);
    expect(p.rows[1]).toMatchObject({ row: 4, code: 'B-002', action: 'error' });

    const commit = await upload(office, file, { dryRun: false });
    expect(commit.statusCode).toBe(400);
    const err = commit.json().error;
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain('10 处问题');
    expect(err.details[0]).toEqual({ field: 'name', row: 4, column: '项目名称', message: '新建项目须填写项目名称' });
    expect(await counts()).toEqual(before);
  });
});

describe('updating existing projects', () => {
  it('lists field changes before → after, moves the stage only along the lifecycle, and audits the update', async () => {
    const db = t.database.db;
    await buildProject(db, { code: 'U-001', name: '年产10万吨OSB定向刨花板项目', totalInvestment: '10000', stage: 'preparation', regionCode: REGIONS.gaotang.code });
    await buildProject(db, { code: 'U-002', name: '大豆分离蛋白项目', stage: 'production', regionCode: REGIONS.gaotang.code });
    const file = await buildLedger([
      { code: 'U-001', totalInvestment: 12000, stage: '开工', actualStart: '2024-05-06', tags: '外资' },
      { code: 'U-002', stage: '储备' },
    ], { fields: ['code', 'totalInvestment', 'stage', 'actualStart', 'tags'] });
    const p = (await upload(office, file)).json();
    expect(p).toMatchObject({ toUpdate: 1, errorRows: 1 });
    expect(p.rows[0].changes).toEqual([
      { field: 'totalInvestment', column: '总投资(万元)', before: '10000', after: '12000' },
      { field: 'stage', column: '当前阶段', before: '前期', after: '开工' },
      { field: 'actualStart', column: '实际开工日期', before: null, after: '2024-05-06' },
      { field: 'tags', column: '标签', before: null, after: '外资' },
    ]);
    expect(p.problems).toEqual([{ row: 3, column: '当前阶段', field: 'stage', message: '项目阶段不能从「投产」直接变更为「储备」' }]);

    const ok = await buildLedger([{ code: 'U-001', totalInvestment: 12000, stage: '开工', actualStart: '2024-05-06', tags: '外资' }],
      { fields: ['code', 'totalInvestment', 'stage', 'actualStart', 'tags'] });
    const res = await upload(office, ok, { dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await q(`select total_investment, stage, stage_date, actual_start, tags, version, name from projects where code = 'U-001'`);
    expect(row).toEqual({ total_investment: '12000.0000', stage: 'started', stage_date: '2024-05-06', actual_start: '2024-05-06', tags: ['外资'], version: 2, name: '年产10万吨OSB定向刨花板项目' });
    expect(await q(`select t.from_stage, t.to_stage, t.date from stage_transitions t join projects p on p.id = t.project_id where p.code = 'U-001'`))
      .toEqual([{ from_stage: 'preparation', to_stage: 'started', date: '2024-05-06' }]);
    const [a] = await q(`select before, after from audit_log where action = 'project.import_updated'`);
    expect(a.before).toEqual({ totalInvestment: '10000.0000', stage: 'preparation', stageDate: null, actualStart: null, tags: [] });
    expect(a.after).toEqual({ totalInvestment: '12000', stage: 'started', stageDate: '2024-05-06', actualStart: '2024-05-06', tags: ['外资'] });

    // A plan for the year alone: the project row and its version stay as they were.
    const plan = await buildLedger([{ code: 'U-001', annualPlan: '3,000' }], { fields: ['code', 'annualPlan'] });
    const planned = (await upload(office, plan, { dryRun: false, year: 2026 })).json();
    expect(planned).toMatchObject({ toUpdate: 1, year: 2026, rows: [{ changes: [{ field: 'annualPlan', before: null, after: '3000' }] }] });
    expect(await q(`select p.version, a.planned_investment from projects p join annual_plans a on a.project_id = p.id and a.year = 2026 where p.code = 'U-001'`))
      .toEqual([{ version: 2, planned_investment: '3000.0000' }]);
    expect(await q(`select after from audit_log where action = 'project.import_updated' order by id desc limit 1`))
      .toEqual([{ after: { annualPlan: '3000', year: 2026 } }]);
  });
});

describe('owners, units and leaders named in the file', () => {
  it('links a leader to the namesake nearest above the project, and refuses to guess between equals', async () => {
    const db = t.database.db;
    const shenZhang = await createPerson(db, { name: '张伟', regionCode: REGIONS.shen.code });
    await createPerson(db, { name: '张伟', regionCode: REGIONS.gaotang.code });
    await createPerson(db, { name: '刘洋', regionCode: REGIONS.city.code, isLeader: false });
    const file = await buildLedger([
      goodRow('L-001', { region: '莘县', leader: '张伟', responsibleUnit: '聊城高新区', owner: '莘县某某农业开发有限公司' }),
      goodRow('L-002', { region: '东昌府区', leader: '张伟' }),
      goodRow('L-003', { region: '东昌府区', leader: '刘洋' }),
    ]);
    const p = (await upload(office, file)).json();
    expect(p.problems).toEqual([
      { row: 3, column: '包靠领导', field: 'leader', message: '有多位名为「张伟」的领导，无法确定是哪一位，请导入后在项目档案中选择' },
    ]);
    // 刘洋 exists, but not as a leader: a leader of that name is created.
    expect(p.newPeople).toEqual([{ name: '刘洋' }]);
    expect(p.newOrgs).toEqual(expect.arrayContaining([{ name: '聊城高新区', kind: 'park', as: 'responsibleUnit' }]));

    const ok = await buildLedger([goodRow('L-001', { region: '莘县', leader: '张伟', responsibleUnit: '聊城高新区' })]);
    expect((await upload(office, ok, { dryRun: false })).statusCode).toBe(200);
    expect(await q(`select leader_person_id from projects where code = 'L-001'`)).toEqual([{ leader_person_id: shenZhang.id }]);
  });
});

describe('header problems and error cells', () => {
  it('flags two columns meaning the same field until one is ignored, and names error cells', async () => {
    const rows = [
      ['项目编码', '项目名称', '所属区域', '项目级别', '项目类别', '所属行业', '总投资', '计划总投资(万元)'],
      ['H-001', '重复列测试项目', '莘县', '县级', '产业类', '食品加工', 100, 100],
      ['H-002', '错误值测试项目', '莘县', '县级', '产业类', '食品加工', { formula: '1/0', result: { error: '#DIV/0!' } }, 100],
    ];
    const file = await buildXlsx([{ rows }]);
    const p = (await upload(office, file)).json();
    expect(p.problems[0]).toEqual({ row: 1, column: '计划总投资(万元)', field: 'totalInvestment', message: '「计划总投资(万元)」列与「总投资」列都对应「总投资(万元)」，请在列映射中忽略其中一列' });
    expect((await upload(office, file, { dryRun: false })).statusCode).toBe(400);

    const ignored = (await upload(office, file, { mapping: { 总投资: '' } })).json();
    expect(ignored.headers.find((h: { header: string }) => h.header === '总投资')).toMatchObject({ field: null, recognized: true, source: 'mapping' });
    expect(ignored.problems).toEqual([]);
    const both = await buildXlsx([{ rows: rows.map((r) => r.slice(0, 7)) }]);
    expect((await upload(office, both)).json().problems).toEqual([
      { row: 3, column: '总投资', field: 'totalInvestment', message: '总投资单元格为错误值（公式计算出错），请修正公式或改填数值' },
    ]);
  });
});

describe('who may import what', () => {
  it('keeps a county office inside its county and refuses other roles', async () => {
    const db = t.database.db;
    await createUser(db, { username: 'shen-office', role: 'office', regionCode: REGIONS.shen.code });
    const org = await createOrg(db, { name: '莘县发展和改革局', kind: 'department', regionCode: REGIONS.shen.code });
    await createUser(db, { username: 'shen-unit', role: 'unit', regionCode: REGIONS.shen.code, orgId: org.id });
    await buildProject(db, { code: 'DCF-9', regionCode: REGIONS.dongchangfu.code, name: '东昌府区既有项目' });
    const shen = await login(t.app, 'shen-office');
    const file = await buildLedger([
      goodRow('S-001', { region: '莘县', responsibleUnit: '莘县人民政府' }),
      goodRow('S-002', { region: '东昌府区' }),
      goodRow('DCF-9', { region: '莘县' }),
    ]);
    const p = (await upload(shen, file)).json();
    expect(p.problems.map((x: { row: number; message: string }) => [x.row, x.message])).toEqual([
      [3, '所属区域「东昌府区」不在您的管辖范围内'],
      [4, '项目编码「DCF-9」已被其他区域使用，不能在此导入'],
    ]);
    expect((await upload(shen, file, { dryRun: false })).statusCode).toBe(400);
    expect(await q(`select region_code, name from projects where code = 'DCF-9'`)).toEqual([{ region_code: '371502', name: '东昌府区既有项目' }]);

    const own = await upload(shen, await buildLedger([goodRow('S-001', { region: '莘县' })]), { dryRun: false });
    expect(own.statusCode, own.body).toBe(200);
    expect(await q(`select region_path from projects where code = 'S-001'`)).toEqual([{ region_path: '370000/371500/371522/' }]);

    const unit = await login(t.app, 'shen-unit');
    const refused = await upload(unit, await buildLedger([goodRow('S-009', { region: '莘县' })]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('仅项目办可执行此操作');
  });
});
