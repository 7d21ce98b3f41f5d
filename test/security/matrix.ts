// The security specification, endpoint by endpoint (notation in spec.ts), in two halves by area.
// matrix.test.ts runs it against the served OpenAPI document, so an endpoint missing here fails the test.
import { COUNTY } from './fixture.ts';
import { LEDGER_MATRIX } from './matrix.ledger.ts';
import { OVERSIGHT_MATRIX } from './matrix.oversight.ts';
import type { Spec } from './spec.ts';

export { expectations, type Ctx, type Req, type Spec } from './spec.ts';

const twice = Object.keys(LEDGER_MATRIX).filter((k) => k in OVERSIGHT_MATRIX);
if (twice.length) throw new Error(`in both halves of the matrix: ${twice.join(', ')}`);

export const MATRIX: Record<string, Spec> = { ...LEDGER_MATRIX, ...OVERSIGHT_MATRIX };

export const MARKERS = { D: COUNTY.D.markers, S: COUNTY.S.markers };
