// Every page at phone size (390 × 844): tables keep position and driver in view, axe passes, keyboard works.
import { layoutSuite } from './layout-suite.ts';

layoutSuite({ name: 'phone', width: 390, height: 844 });
