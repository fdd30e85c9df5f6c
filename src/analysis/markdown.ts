// Markdown renderings of the analysis results, for agent tools and chat answers. Pure.
import { markdownTable } from '../markdown.ts';
import type { RacePrediction } from './predictions/service.ts';
import type { WeatherReport } from './weather/service.ts';

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`;

/** The top five in words, then a table for the rest; probabilities, never "confidence". */
export function predictionMarkdown(p: RacePrediction, top = 5): string {
  const lines = [
    `### Prediction: ${p.year} ${p.race} (${p.stage === 'post-qualifying' ? 'after qualifying' : 'before qualifying'})`,
    `Model ${p.model.version}, fitted on ${p.model.trainedOn.from}–${p.model.trainedOn.to}; data used: ${p.dataUsed.join(', ')}.`,
  ];
  for (const d of p.predictions.slice(0, top)) {
    lines.push(
      `**${d.predictedPosition}. ${d.name}** (${d.team}${d.grid ? `, starts P${d.grid}` : ''}) — win ${pct(d.pWin)}, podium ${pct(d.pPodium)}, points ${pct(d.pPoints)}; expected P${d.expectedPosition.toFixed(1)} (80%: P${d.interval[0]}–P${d.interval[1]}). ${d.factors.slice(0, 3).join('; ')}`,
    );
  }
  const rest = p.predictions.slice(top);
  if (rest.length)
    lines.push(
      markdownTable(
        ['#', 'Driver', 'Team', 'Grid', 'Win', 'Podium', 'Points', 'Expected'],
        rest.map((d) => [
          d.predictedPosition,
          d.name,
          d.team,
          d.grid,
          pct(d.pWin),
          pct(d.pPodium),
          pct(d.pPoints),
          `P${d.expectedPosition.toFixed(1)}`,
        ]),
      ),
    );
  if (p.actualResult)
    lines.push(`Actual winner: ${p.actualResult[0]?.driverId ?? '–'} (not used by the prediction).`);
  lines.push(...p.notes);
  return lines.join('\n\n');
}

export function weatherMarkdown(w: WeatherReport): string {
  const lines = [`### Weather: ${w.year} ${w.race} (${w.circuit}), start ${w.raceStartUtc}`];
  if (w.current)
    lines.push(
      `Now at the circuit: ${w.current.conditions}, ${w.current.airTempC ?? '–'} °C air, humidity ${w.current.humidityPct ?? '–'}%, wind ${w.current.windSpeedKph ?? '–'} km/h.`,
    );
  if (w.raceWindow.length)
    lines.push(
      markdownTable(
        ['Time (UTC)', 'Conditions', 'Air °C', 'Rain chance', 'Rain mm', 'Wind km/h'],
        w.raceWindow.map((h) => [
          h.time.slice(11),
          h.conditions,
          h.airTempC,
          h.rainProbabilityPct === null ? null : `${h.rainProbabilityPct}%`,
          h.precipitationMm,
          h.windSpeedKph,
        ]),
      ),
    );
  lines.push(`**${w.rainRisk.headline}:** ${w.rainRisk.note}`);
  const recorded = w.history.filter((h) => h.recorded || h.wetLapShare !== null);
  if (recorded.length)
    lines.push(
      markdownTable(
        ['Edition', 'Air °C (min–max)', 'Track °C (min–max)', 'Wet running'],
        recorded.map((h) => [
          h.year,
          h.recorded?.airTempC ? `${h.recorded.airTempC.min}–${h.recorded.airTempC.max}` : null,
          h.recorded?.trackTempC ? `${h.recorded.trackTempC.min}–${h.recorded.trackTempC.max}` : null,
          h.wet === null
            ? null
            : h.wet
              ? `yes${h.wetLapShare ? ` (${pct(h.wetLapShare)} of laps on wet tyres)` : ''}`
              : 'no',
        ]),
      ),
    );
  lines.push(...w.notes);
  return lines.join('\n\n');
}
