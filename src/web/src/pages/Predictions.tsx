// Predictions: P(win), P(podium), P(points) and expected finish for any race, from the analysis API,
// using only what was known before that race.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SeasonPicker, currentYear } from '../components/Bits.tsx';
import { RoundPicker } from '../components/RoundPicker.tsx';
import { PredictionTable } from '../components/PredictionTable.tsx';

export function PredictionsPage() {
  const [year, setYear] = useState(currentYear());
  const [round, setRound] = useState<number>();
  return (
    <>
      <div className="page-head">
        <h1>Race predictions</h1>
        <div className="controls">
          <SeasonPicker value={year} from={2003} onChange={(y) => (setYear(y), setRound(undefined))} />
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
