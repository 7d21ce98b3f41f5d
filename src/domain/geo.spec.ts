import { describe, expect, it } from 'vitest';
import { distanceMeters, haversineMeters } from './geo.ts';

describe('haversineMeters', () => {
  it('is zero for the same point', () => {
    expect(haversineMeters({ latitude: 36.45, longitude: 115.98 }, { latitude: 36.45, longitude: 115.98 })).toBe(0);
  });

  it('gives one degree of latitude as about 111.2 km', () => {
    const d = haversineMeters({ latitude: 36, longitude: 116 }, { latitude: 37, longitude: 116 });
    expect(d).toBeGreaterThan(111_100);
    expect(d).toBeLessThan(111_300);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const equator = haversineMeters({ latitude: 0, longitude: 116 }, { latitude: 0, longitude: 117 });
    const at60 = haversineMeters({ latitude: 60, longitude: 116 }, { latitude: 60, longitude: 117 });
    expect(at60 / equator).toBeCloseTo(0.5, 2);
  });

  it('matches a known distance: Liaocheng to Jinan is about 100 km', () => {
    // 聊城 (36.4567, 115.9854) – 济南 (36.6512, 117.1201)
    const d = haversineMeters({ latitude: 36.4567, longitude: 115.9854 }, { latitude: 36.6512, longitude: 117.1201 });
    expect(d).toBeGreaterThan(100_000);
    expect(d).toBeLessThan(105_000);
  });
});

describe('distanceMeters', () => {
  it('accepts decimal strings and rounds to whole metres', () => {
    const d = distanceMeters({ latitude: '36.450000', longitude: '115.980000' }, { latitude: 36.451, longitude: 115.98 });
    expect(d).toBe(111);
  });

  it('is null when a coordinate is missing or not a number', () => {
    expect(distanceMeters({ latitude: null, longitude: '115.98' }, { latitude: 36, longitude: 116 })).toBeNull();
    expect(distanceMeters({ latitude: '36', longitude: '116' }, { latitude: '', longitude: 116 })).toBeNull();
    expect(distanceMeters({ latitude: 'abc', longitude: '116' }, { latitude: 36, longitude: 116 })).toBeNull();
  });
});
