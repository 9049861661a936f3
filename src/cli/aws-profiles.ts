import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function sections(path: string, prefix: RegExp): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (!m) continue;
    const name = m[1].trim().replace(prefix, '').trim();
    if (name && !/^(sso-session|services)\s/.test(m[1].trim())) names.push(name);
  }
  return names;
}

/** Profile names from the AWS config and credentials files (honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE). */
export function awsProfileNames(env: Record<string, string | undefined> = process.env): string[] {
  const home = homedir();
  const config = env.AWS_CONFIG_FILE || join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  return [...new Set([...sections(config, /^profile\s+/), ...sections(credentials, /^$/)])].sort();
}
