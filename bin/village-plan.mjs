#!/usr/bin/env node
// The `village-plan` command (package.json "bin"): runs the TypeScript checker through tsx's loader, so a
// global install (`npm install -g .`) needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main();
