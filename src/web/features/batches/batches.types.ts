// The batch API's shapes, inferred from the server's zod schemas.
import type { BatchCreate, BatchDetailDto, BatchDto } from '../../../contract/batches.ts';

export type Batch = BatchDto;
export type BatchDetail = BatchDetailDto;
export type BatchInput = Omit<BatchCreate, 'projectIds'>;
