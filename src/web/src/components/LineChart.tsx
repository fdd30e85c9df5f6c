// A small SVG line chart (no chart library): one line per series, shared x axis, legend with team colours.
export interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
  dashed?: boolean;
}

export function LineChart({
  series,
  xLabels,
  height = 280,
  yLabel,
  invert = false,
}: {
  series: Series[];
  xLabels: string[];
  height?: number;
  yLabel?: string;
  /** Smaller is better (positions): draw 1 at the top. */
  invert?: boolean;
}) {
  const width = 600;
  const pad = { l: 44, r: 12, t: 12, b: 28 };
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0 || xLabels.length === 0) return null;
  const min = invert ? Math.min(...all) : Math.min(0, ...all);
  const max = Math.max(...all, min + 1);
  const x = (i: number) =>
    pad.l + (xLabels.length === 1 ? 0 : (i / (xLabels.length - 1)) * (width - pad.l - pad.r));
  const y = (v: number) => {
    const f = (v - min) / (max - min);
    return invert ? pad.t + f * (height - pad.t - pad.b) : height - pad.b - f * (height - pad.t - pad.b);
  };
  const ticks = Array.from({ length: 5 }, (_, i) => min + ((max - min) * i) / 4);
  const every = Math.max(1, Math.ceil(xLabels.length / 12));

  return (
    <div>
      <svg
        className="chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={yLabel ?? 'chart'}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid-line" x1={pad.l} x2={width - pad.r} y1={y(t)} y2={y(t)} />
            <text x={pad.l - 6} y={y(t) + 4} textAnchor="end">
              {Math.round(t)}
            </text>
          </g>
        ))}
        {xLabels.map((l, i) =>
          i % every === 0 || i === xLabels.length - 1 ? (
            <text key={i} x={x(i)} y={height - 8} textAnchor="middle">
              {l}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const d = s.values
            .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
            .reduce<string[]>((acc, p, i, arr) => {
              if (p === null) return acc;
              acc.push(`${i === 0 || arr[i - 1] === null ? 'M' : 'L'}${p}`);
              return acc;
            }, [])
            .join(' ');
          return (
            <path
              key={s.label}
              d={d}
              fill="none"
              stroke={s.colour}
              strokeWidth={2.2}
              strokeDasharray={s.dashed ? '5 4' : undefined}
            >
              <title>{s.label}</title>
            </path>
          );
        })}
        {series.map((s) =>
          s.values.map((v, i) =>
            v === null ? null : (
              <circle key={`${s.label}-${i}`} cx={x(i)} cy={y(v)} r={2.6} fill={s.colour}>
                <title>{`${s.label} ${xLabels[i]}: ${v}`}</title>
              </circle>
            ),
          ),
        )}
      </svg>
      <div className="controls small" style={{ marginTop: '0.25rem' }}>
        {series.map((s) => (
          <span key={s.label}>
            <span className="teambar" style={{ ['--team' as string]: s.colour }} />
            {s.label}
          </span>
        ))}
      </div>
    </div>
  );
}
