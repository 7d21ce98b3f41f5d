#!/usr/bin/env node
// The command line entry: TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
