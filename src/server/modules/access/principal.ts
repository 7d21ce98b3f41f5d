import type { Role } from '../../../domain/enums.ts';

/** Who is asking: the signed-in user (cookie session) or the user behind an API token. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Path of the user's region: every record they may see has a region path starting with it. */
  regionPath: string;
  orgId: string | null;
  personId: string | null;
  via: 'session' | 'token' | 'cli';
}
