// Queries of report photos: metadata lists without the bytes, the bytes only when streamed.
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { reportPhotos } from '../../db/schema/index.ts';

const { content: _content, ...metaColumns } = getTableColumns(reportPhotos);

export async function listPhotos(db: DbOrTx, reportId: string) {
  return db.select(metaColumns).from(reportPhotos).where(eq(reportPhotos.reportId, reportId)).orderBy(asc(reportPhotos.uploadedAt));
}

export async function getPhotoMeta(db: DbOrTx, id: string) {
  const [row] = await db.select(metaColumns).from(reportPhotos).where(eq(reportPhotos.id, id)).limit(1);
  return row ?? null;
}

export async function getPhotoContent(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: reportPhotos.content }).from(reportPhotos).where(eq(reportPhotos.id, id)).limit(1);
  return row?.content ?? null;
}

export async function insertPhoto(db: DbOrTx, v: typeof reportPhotos.$inferInsert) {
  const [row] = await db.insert(reportPhotos).values(v).returning(metaColumns);
  return row!;
}

export async function deletePhoto(db: DbOrTx, id: string) {
  await db.delete(reportPhotos).where(eq(reportPhotos.id, id));
}
