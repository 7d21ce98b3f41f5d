// Distances on the earth's surface, for "how far from the site was this photo taken".

const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine, mean earth radius): good to well under 0.5% at any range. */
export function haversineMeters(a: LatLon, b: LatLon): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance between two positions given as strings or numbers; null when either is incomplete or not a number. */
export function distanceMeters(
  a: { latitude: string | number | null; longitude: string | number | null },
  b: { latitude: string | number | null; longitude: string | number | null },
): number | null {
  const nums = [a.latitude, a.longitude, b.latitude, b.longitude].map((v) => (v == null || v === '' ? NaN : Number(v)));
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const [lat1, lon1, lat2, lon2] = nums as [number, number, number, number];
  return Math.round(haversineMeters({ latitude: lat1, longitude: lon1 }, { latitude: lat2, longitude: lon2 }));
}
