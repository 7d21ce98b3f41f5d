export * from './regions.ts';
export * from './orgs.ts';
export * from './users.ts';
export * from './projects.ts';
export * from './batches.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './reporting.ts';
