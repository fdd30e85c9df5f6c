// Circuit outlines for the track map, read from the circuits-geojson collection (CIRCUITS_GEOJSON_DIR),
// never copied into the repo. f1db circuit ids ("yas-marina") and geojson ids ("ae-2009") differ, so a
// circuit is matched to the outline whose track lies closest to the circuit's coordinates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors.ts';

export interface CircuitOutline {
  /** The geojson feature id, e.g. "ae-2009". */
  outlineId: string;
  name: string;
  location: string | null;
  lengthM: number | null;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
  /** The track as [lon, lat] points in driving order. */
  points: [number, number][];
}

interface Feature {
  properties: { id: string; Name?: string; Location?: string; length?: number };
  geometry: { type: string; coordinates: unknown };
}

/** How far (km) a circuit's coordinates may be from an outline for them to be the same place. */
const MAX_MATCH_KM = 5;

export class OutlineStore {
  private outlines: CircuitOutline[] | undefined;

  constructor(private readonly dir: string | undefined) {}

  private load(): CircuitOutline[] {
    if (this.outlines) return this.outlines;
    if (!this.dir)
      throw new AppError('unavailable', 'Track outlines are not configured (set CIRCUITS_GEOJSON_DIR)');
    let raw: string;
    try {
      raw = readFileSync(join(this.dir, 'f1-circuits.geojson'), 'utf8');
    } catch {
      throw new AppError('unavailable', `No f1-circuits.geojson in CIRCUITS_GEOJSON_DIR (${this.dir})`);
    }
    const features = (JSON.parse(raw) as { features: Feature[] }).features;
    this.outlines = features.flatMap((f) => {
      const points = linePoints(f.geometry);
      if (points.length < 2) return [];
      return [
        {
          outlineId: f.properties.id,
          name: f.properties.Name ?? f.properties.id,
          location: f.properties.Location ?? null,
          lengthM: f.properties.length ?? null,
          bbox: bboxOf(points),
          points,
        },
      ];
    });
    return this.outlines;
  }

  byId(outlineId: string): CircuitOutline | undefined {
    return this.load().find((o) => o.outlineId === outlineId);
  }

  /** The outline whose track passes closest to (lat, lon), if within a few km. */
  nearest(lat: number, lon: number): CircuitOutline | undefined {
    let best: { o: CircuitOutline; km: number } | undefined;
    for (const o of this.load()) {
      const km = Math.min(...o.points.map(([pLon, pLat]) => haversineKm(lat, lon, pLat, pLon)));
      if (!best || km < best.km) best = { o, km };
    }
    return best && best.km <= MAX_MATCH_KM ? best.o : undefined;
  }
}

function linePoints(geometry: Feature['geometry']): [number, number][] {
  if (geometry.type === 'LineString') return geometry.coordinates as [number, number][];
  if (geometry.type === 'MultiLineString') return (geometry.coordinates as [number, number][][]).flat();
  return [];
}

function bboxOf(points: [number, number][]): [number, number, number, number] {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
