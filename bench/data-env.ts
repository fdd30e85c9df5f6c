// Imported first by the benchmarks: F1_DATA_DIR stands for the data source variables, as in the server.
import { withDataDirDefaults } from '../src/config.ts';

Object.assign(process.env, withDataDirDefaults(process.env));
