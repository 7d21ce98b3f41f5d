// The embedded database's process (pglite-host.ts): started with no Node options of the parent, so it
// registers tsx here, then loads the TypeScript host.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-host.ts');
