import { readFileSync } from 'node:fs';
import { projectFile } from './project-root.ts';

const manifest = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string };

export const TOOL_VERSION: string = manifest.version;
/** Bumped whenever a rule in rules/ changes what it extracts or flags, so old results can be told apart. */
export const RULES_VERSION = '0.1.0';
