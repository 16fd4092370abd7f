#!/usr/bin/env node
// Entry point of `npx netcanvas`: runs the TypeScript CLI through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
