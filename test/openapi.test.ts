import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is served at /api/docs and describes the ledger contract', async () => {
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/projects', '/api/v1/projects/{id}', '/api/v1/projects/{id}/annual-plans/{year}', '/api/v1/ledger/import', '/api/v1/ledger/export.xlsx', '/api/v1/ledger/template.xlsx', '/api/v1/batches', '/api/v1/leaders/{id}']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const project = doc.components.schemas.Project;
    for (const field of ['id', 'code', 'name', 'regionCode', 'level', 'category', 'industry', 'stage', 'totalInvestment', 'plannedStart', 'plannedCompletion', 'plannedProduction', 'actualStart', 'leaderName', 'responsibleUnit', 'owner', 'batchIds']) {
      expect(Object.keys(project.properties), field).toContain(field);
    }
    expect(project.properties.level.enum).toEqual(['provincial', 'municipal', 'county']);
    expect(doc.paths['/api/v1/projects'].get.responses['400'].content['application/json'].schema).toBeTruthy();
  });
});
