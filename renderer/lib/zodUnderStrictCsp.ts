// Imported first by main.tsx. Zod compiles fast parsers with `new Function` unless told not to; under
// the window's CSP (no 'unsafe-eval') even its guarded probe is reported as a CSP violation. The
// shared schemas must therefore be built in jitless mode, before any of them is defined.
import { config } from 'zod';

config({ jitless: true });
