// `npx tuijin bulletin --region CODE --period ID --out FILE.docx [--user U]` (being built).
import type { Db } from '../db/client.ts';

export async function runBulletinCommand(_db: Db, _args: string[]): Promise<number> {
  console.error('月度通报命令尚在建设中');
  return 1;
}
