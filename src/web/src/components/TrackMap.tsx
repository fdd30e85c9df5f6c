// The circuit drawn from its outline (GET /api/circuits/:id/outline, from the circuits-geojson collection).
import { useApi } from '../lib/useApi.ts';
import { Empty, Loading } from './Status.tsx';

interface Outline {
  name: string;
  location: string | null;
  lengthM: number | null;
  bbox: [number, number, number, number];
  points: [number, number][];
}

/** Projects lon/lat to an SVG box keeping the track's shape (longitude shrinks with latitude). */
export function projectOutline(o: Outline, size: number, pad = 16): { d: string; w: number; h: number } {
  const [minLon, minLat, maxLon, maxLat] = o.bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * k || 1e-9;
  const spanY = maxLat - minLat || 1e-9;
  const scale = (size - 2 * pad) / Math.max(spanX, spanY);
  const w = spanX * scale + 2 * pad;
  const h = spanY * scale + 2 * pad;
  const d =
    o.points
      .map(
        ([lon, lat], i) =>
          `${i === 0 ? 'M' : 'L'}${(pad + (lon - minLon) * k * scale).toFixed(1)},${(pad + (maxLat - lat) * scale).toFixed(1)}`,
      )
      .join(' ') + ' Z';
  return { d, w, h };
}

export function TrackMap({ circuitId }: { circuitId: string | null | undefined }) {
  const res = useApi<Outline>(circuitId ? `/api/circuits/${encodeURIComponent(circuitId)}/outline` : null);
  if (!circuitId) return <Empty>No circuit for this session.</Empty>;
  if (res.loading) return <Loading lines={3} />;
  if (res.error || !res.data) return <Empty>{res.error?.message ?? 'No track outline.'}</Empty>;
  const { d, w, h } = projectOutline(res.data, 400);
  return (
    <figure style={{ margin: 0 }} data-testid="track-map">
      <svg
        className="track"
        viewBox={`0 0 ${w.toFixed(0)} ${h.toFixed(0)}`}
        width="100%"
        style={{ maxHeight: 320 }}
        role="img"
        aria-label={`Map of ${res.data.name}`}
      >
        <path className="outline" d={d} />
        <path className="inner" d={d} />
        {res.data.points[0] && (
          <circle
            cx={d.split(' ')[0]!.slice(1).split(',')[0]}
            cy={d.split(' ')[0]!.slice(1).split(',')[1]}
            r={5}
            fill="var(--red)"
          >
            <title>Start / finish</title>
          </circle>
        )}
      </svg>
      <figcaption className="muted small">
        {res.data.name}
        {res.data.lengthM ? ` · ${(res.data.lengthM / 1000).toFixed(3)} km` : ''}
      </figcaption>
    </figure>
  );
}
