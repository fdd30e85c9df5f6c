// Rulebook search: hybrid search over the FIA regulations, each hit cited by document, season and article.
import { useState, type FormEvent } from 'react';
import { useApi } from '../lib/useApi.ts';
import { useUrlParams } from '../lib/useUrlParams.ts';
import { qs } from '../api.ts';
import { Async, Empty } from '../components/Status.tsx';
import type { SearchHit as Hit } from '../../../rulebook/types.ts';

const SECTIONS: [string, string][] = [
  ['', 'All sections'],
  ['General', 'General'],
  ['Sporting', 'Sporting'],
  ['Technical', 'Technical'],
  ['Financial', 'Financial'],
  ['PU Financial', 'PU Financial'],
  ['Operational', 'Operational'],
];

export function RulebookPage() {
  const [params, setParams] = useUrlParams();
  const q = params.get('q') ?? '';
  const year = params.get('year') ?? '';
  const section = params.get('section') ?? '';
  const [draft, setDraft] = useState(q);
  const res = useApi<Hit[] | { results: Hit[] }>(
    q ? `/api/rulebook/search${qs({ q, year, section, k: 8 })}` : null,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ q: draft.trim() }, { replace: false });
  };
  const set = (k: string, v: string) => setParams({ [k]: v }, { replace: false });

  return (
    <>
      <div className="page-head">
        <h1>Rulebook</h1>
      </div>
      <form className="controls" onSubmit={submit} style={{ marginBottom: '1rem' }}>
        <input
          type="search"
          aria-label="Search the regulations"
          placeholder="e.g. points for a shortened race, unsafe release penalty, Art. 55.17"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          style={{ flex: 1, minWidth: 240 }}
        />
        <input
          type="number"
          aria-label="Season"
          placeholder="Season"
          value={year}
          min={2018}
          max={2030}
          style={{ width: 100 }}
          onChange={(e) => set('year', e.target.value)}
        />
        <select aria-label="Section" value={section} onChange={(e) => set('section', e.target.value)}>
          {SECTIONS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <button className="btn primary" type="submit" disabled={!draft.trim()}>
          Search
        </button>
      </form>
      {!q ? (
        <Empty>Search the FIA Formula 1 regulations. Every answer cites its article.</Empty>
      ) : (
        <Async res={res} lines={8}>
          {(body) => {
            const hits = Array.isArray(body) ? body : (body.results ?? []);
            if (hits.length === 0) return <Empty>No article matches “{q}”.</Empty>;
            return (
              <div className="grid" data-testid="rulebook-hits">
                {hits.map((h, i) => (
                  <article key={i} className="panel">
                    <div className="controls" style={{ justifyContent: 'space-between' }}>
                      <strong>
                        {h.article ? `Art. ${h.article}` : 'Article'} {h.heading ? `— ${h.heading}` : ''}
                      </strong>
                      <span className="badge">
                        {h.season} {h.section}
                      </span>
                    </div>
                    <p style={{ whiteSpace: 'pre-wrap', lineHeight: 1.5 }}>{h.text}</p>
                    <div className="muted small" data-testid="citation">
                      {h.citation} · score {h.score.toFixed(3)}
                    </div>
                  </article>
                ))}
              </div>
            );
          }}
        </Async>
      )}
    </>
  );
}
