// Predictions: P(win), P(podium), P(points) and expected finish for any race, from the analysis API,
// using only what was known before that race.
import { Link } from 'react-router-dom';
import { SeasonPicker, currentYear } from '../components/Bits.tsx';
import { useSeasonRound } from '../lib/useUrlParams.ts';
import { RoundPicker } from '../components/RoundPicker.tsx';
import { PredictionTable } from '../components/PredictionTable.tsx';

export function PredictionsPage() {
  // Season and round live in the URL, so a page can be linked to and survives a reload.
  const { year, round, setYear, setRound } = useSeasonRound(currentYear());
  return (
    <>
      <div className="page-head">
        <h1>Race predictions</h1>
        <div className="controls">
          <SeasonPicker value={year} from={2003} onChange={setYear} />
          <RoundPicker year={year} value={round} onChange={setRound} />
          {round && (
            <Link className="btn small" to={`/race/${year}/${round}`}>
              Race page →
            </Link>
          )}
        </div>
      </div>
      <p className="muted small">
        Probabilities from a model fitted on earlier seasons, using only what was known before the race (grid
        or qualifying when run, form, team strength, circuit history). Past races show what it would have
        said.
      </p>
      <div className="panel">
        {round ? <PredictionTable year={year} round={round} /> : <p className="muted">Pick a round.</p>}
      </div>
    </>
  );
}
