// Every page at desktop size (1440 × 900): nothing off-screen, axe passes, keyboard works; README screenshots.
import { layoutSuite } from './layout-suite.ts';

layoutSuite({ name: 'desktop', width: 1440, height: 900 });
