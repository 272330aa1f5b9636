import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { generate, type GenerateResult } from '../src/generate.js';
import type { PlatformConfig } from '../src/platforms.js';
import { runCli } from '../src/run-cli.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Inside the repository so that generated code resolves `msw` and TypeScript finds the workspace. */
const scratch = join(here, '..', '.tmp');

export const fixtureText = readFileSync(join(here, 'fixtures/tinypbx/openapi.yaml'), 'utf8');

/** The fixture spec, changed by `mutate` (which gets the parsed document). */
export function mutatedFixture(mutate: (document: any) => void): string {
  const document = parse(fixtureText);
  mutate(document);
  return stringify(document);
}

export const specPath = 'spec/openapi.yaml';
export const outputPath = 'out/generated';

export const tinyPlatform: PlatformConfig = {
  name: 'tinypbx',
  title: 'TinyPBX',
  specs: [{ path: specPath }],
  output: outputPath,
  names: {
    prefix: 'Tiny',
    clientInterface: 'TinyApi',
    clientFactory: 'createTinyApi',
    eventsInterface: 'TinyWebhookEvents',
    handlersFactory: 'createTinyHandlers',
  },
};

/** A throw-away repository root holding one spec; `generate` and the CLI run against it. */
export class Workspace {
  readonly root: string;
  readonly output: string;

  constructor(specText = fixtureText) {
    mkdirSync(scratch, { recursive: true });
    this.root = mkdtempSync(join(scratch, 'workspace-'));
    this.output = join(this.root, outputPath);
    this.writeSpec(specText);
  }

  writeSpec(text: string): void {
    mkdirSync(join(this.root, 'spec'), { recursive: true });
    writeFileSync(join(this.root, specPath), text);
  }

  generate(check = false): Promise<GenerateResult> {
    return generate({ root: this.root, platforms: [tinyPlatform], check });
  }

  async cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      root: this.root,
      platforms: [tinyPlatform],
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  read(file: string): string {
    return readFileSync(join(this.output, file), 'utf8');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
