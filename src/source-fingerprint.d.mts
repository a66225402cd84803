export function fingerprintFiles(root: string, what: { folders: readonly string[]; files: readonly string[] }): string;
