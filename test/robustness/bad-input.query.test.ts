// Bad input, the endpoints that take only path and query parameters (see bad-input.ts).
import { badInputSuite } from './bad-input.ts';

await badInputSuite('every endpoint with path or query parameters refuses bad input cleanly', (ep) => ep.body === null);
