// Bad input, the endpoints that take a JSON body (see bad-input.ts).
import { badInputSuite } from './bad-input.ts';

await badInputSuite('every endpoint with a JSON body refuses bad input cleanly', (ep) => ep.body !== null);
