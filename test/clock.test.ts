// The server clock: real time, or pinned to a database's date (a demo) with the time of day running.
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../src/domain/dates.ts';
import { clock, clockPinnedTo, clockToday, loadClock, pinClock, saveClockSetting } from '../src/server/clock.ts';
import { buildTestApp, login } from './helpers/app.ts';
import { createTestDatabase } from './helpers/db.ts';
import { createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from './helpers/factories.ts';

afterEach(() => pinClock(null));

describe('the server clock', () => {
  it('runs in real time unless pinned', () => {
    expect(clockPinnedTo()).toBeNull();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(clockToday()).toBe(todayIso());
  });

  it('pinned, stands on the date in China with the real time of day', () => {
    // 23:30 on 21 November UTC is already 22 November in China.
    const real = new Date('2026-11-21T23:30:00Z');
    pinClock('2024-12-20', real);
    const drift = clock.now().getTime() - Date.now();
    const shift = Math.round(drift / 86400_000) * 86400_000;
    expect(Math.abs(drift - shift)).toBeLessThan(1000); // whole days: the time of day is real
    expect(todayIso(new Date(real.getTime() + shift))).toBe('2024-12-20');
    expect(new Date(real.getTime() + shift).toISOString()).toBe('2024-12-19T23:30:00.000Z');
    expect(clockPinnedTo()).toBe('2024-12-20');
  });

  it("is read from the database's setting, and unpinned when the setting is removed", async () => {
    const database = await createTestDatabase();
    try {
      expect(await loadClock(database.db)).toBeNull();
      await saveClockSetting(database.db, '2024-12-20');
      expect(await loadClock(database.db)).toBe('2024-12-20');
      expect(clockToday()).toBe('2024-12-20');
      await saveClockSetting(database.db, null);
      expect(await loadClock(database.db)).toBeNull();
      expect(clockToday()).toBe(todayIso());
    } finally {
      await database.close();
    }
  });
});

describe("the server's date in the API", () => {
  it('comes with sign-in and /auth/me, pinned on a database that says so', async () => {
    const t = await buildTestApp();
    try {
      await seedTestRegions(t.database.db);
      await createUser(t.database.db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
      const real = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1', password: TEST_PASSWORD } });
      expect(real.json().clock).toEqual({ today: todayIso(), pinnedTo: null });

      await saveClockSetting(t.database.db, '2024-12-20');
      await loadClock(t.database.db);
      const c = await login(t.app, 'office1');
      expect((await c.get('/api/v1/auth/me')).json().clock).toEqual({ today: '2024-12-20', pinnedTo: '2024-12-20' });
    } finally {
      await t.close();
    }
  });
});
