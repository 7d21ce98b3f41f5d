// Node 20 workers do not inherit `--import tsx`: register it here, then load the TypeScript host.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-host.ts');
