import { describe, expect, it } from 'vitest';
import { cellDegrees, clusterPoints, clusterSize, labelPoint, pointSize, type ClusterPoint } from './cluster.ts';

const pt = (id: string, lng: number, lat: number, color: ClusterPoint['color'] = null, investment = '100'): ClusterPoint =>
  ({ id, lng, lat, color, investment });

describe('clusterPoints', () => {
  const points = [
    pt('a', 116.01, 36.41, 'blue', '1000.5'),
    pt('b', 116.02, 36.42, 'red', '2000.25'),
    pt('c', 116.03, 36.43, null, '0.25'),
    pt('d', 115.51, 36.91, 'yellow'),
  ];

  it('puts the points of one cell in one cluster with its count, exact investment, colours and centre', () => {
    const out = clusterPoints(points, 0.1);
    expect(out).toHaveLength(2);
    const big = out.find((c) => c.count === 3)!;
    expect(big.investment).toBe('3001');
    expect(big.colors).toEqual({ blue: 1, yellow: 0, red: 1, none: 1 });
    expect(big.color).toBe('red');
    expect(big.lng).toBeCloseTo(116.02, 10);
    expect(big.lat).toBeCloseTo(36.42, 10);
    expect(big.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    const lone = out.find((c) => c.count === 1)!;
    expect(lone).toMatchObject({ key: 'p:d', lng: 115.51, lat: 36.91, color: 'yellow', investment: '100' });
  });

  it('splits clusters as the cells shrink (zooming in) until every point stands alone', () => {
    expect(clusterPoints(points, 1).map((c) => c.count)).toEqual([3, 1]);
    expect(clusterPoints(points, 0.015).map((c) => c.count).sort()).toEqual([1, 1, 1, 1]);
    expect(clusterPoints(points, 0).every((c) => c.count === 1)).toBe(true);
  });

  it('keeps cells below the minimum count as single points, and never loses one', () => {
    const out = clusterPoints(points, 0.1, 4);
    expect(out).toHaveLength(4);
    expect(out.every((c) => c.count === 1 && c.key.startsWith('p:'))).toBe(true);
    const many = Array.from({ length: 500 }, (_, i) => pt(String(i), 115 + (i % 37) * 0.031, 36 + (i % 23) * 0.043));
    expect(clusterPoints(many, 0.2).reduce((n, c) => n + c.count, 0)).toBe(500);
  });

  it('colours a cluster with no card at all grey (null)', () => {
    const [c] = clusterPoints([pt('x', 1, 1), pt('y', 1.01, 1.01)], 1);
    expect(c!.color).toBeNull();
    expect(c!.colors.none).toBe(2);
  });
});

describe('sizes', () => {
  it('derives the cell in degrees from the span, width and zoom', () => {
    expect(cellDegrees(2, 800, 1, 40)).toBeCloseTo(0.1, 10);
    expect(cellDegrees(2, 800, 4, 40)).toBeCloseTo(0.025, 10);
    expect(cellDegrees(2, 0, 1)).toBe(0);
  });

  it('grows a point with its investment between the bounds', () => {
    expect(pointSize('0')).toBe(7);
    expect(pointSize('1000000')).toBe(26);
    expect(pointSize('99999999')).toBe(26);
    expect(pointSize('10000')).toBeGreaterThan(pointSize('1000'));
    expect(clusterSize(100)).toBeGreaterThan(clusterSize(4));
    expect(clusterSize(10000)).toBe(46);
  });
});

describe('labelPoint', () => {
  it('is the centroid of a polygon', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]] };
    expect(labelPoint(square)).toEqual([2, 1]);
  });

  it('follows the largest part of a multi-polygon, whichever way its ring winds', () => {
    const islands = { type: 'MultiPolygon', coordinates: [
      [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
      [[[0, 0], [0, 6], [6, 6], [6, 0], [0, 0]]],
    ] };
    expect(labelPoint(islands)).toEqual([3, 3]);
  });

  it('has no place for a missing or empty shape', () => {
    expect(labelPoint(null)).toBeNull();
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(labelPoint({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });
});
