// The shell: navigation and one route per page.
import { useEffect, useState } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { ChatPage } from './pages/Chat.tsx';
import { CalendarPage } from './pages/Calendar.tsx';
import { StandingsPage } from './pages/Standings.tsx';
import { RacePage } from './pages/Race.tsx';
import { LivePage } from './pages/Live.tsx';
import { PredictionsPage } from './pages/Predictions.tsx';
import { ScenarioPage } from './pages/Scenario.tsx';
import { ComparePage } from './pages/Compare.tsx';
import { RulebookPage } from './pages/Rulebook.tsx';
import { NotificationsPage } from './pages/Notifications.tsx';
import { Empty } from './components/Status.tsx';

const LINKS: [string, string][] = [
  ['/', 'Pit Wall'],
  ['/live', 'Live'],
  ['/calendar', 'Calendar'],
  ['/standings', 'Standings'],
  ['/predictions', 'Predictions'],
  ['/scenario', 'Title Scenario'],
  ['/compare', 'Compare'],
  ['/rulebook', 'Rulebook'],
  ['/notifications', 'Notifications'],
];

export function App() {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <nav className={`nav ${open ? 'open' : ''}`} aria-label="Main">
        <NavLink to="/" className="brand">
          <span className="stripe" />
          Race Engineer
        </NavLink>
        <button className="btn small menu-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Menu
        </button>
        <div className="links">
          {LINKS.map(([to, label]) => (
            <NavLink
              key={to}
              to={to}
              end={to === '/'}
              className={({ isActive }) => `link ${isActive ? 'active' : ''}`}
            >
              {label}
            </NavLink>
          ))}
        </div>
      </nav>
      <main className="page">
        <Routes>
          <Route path="/" element={<ChatPage />} />
          <Route path="/chat/:chatId" element={<ChatPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/standings" element={<StandingsPage />} />
          <Route path="/race/:year/:round" element={<RacePage />} />
          <Route path="/live" element={<LivePage />} />
          <Route path="/predictions" element={<PredictionsPage />} />
          <Route path="/scenario" element={<ScenarioPage />} />
          <Route path="/compare" element={<ComparePage />} />
          <Route path="/rulebook" element={<RulebookPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="*" element={<Empty>Nothing on this page. Pick a section from the menu.</Empty>} />
        </Routes>
      </main>
    </div>
  );
}
