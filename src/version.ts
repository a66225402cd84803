import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('../package.json') as { version: string };

export const TOOL_VERSION: string = manifest.version;
/** Bumped whenever a rule in rules/ changes what it extracts or flags, so old results can be told apart. */
export const RULES_VERSION = '0.1.0';
