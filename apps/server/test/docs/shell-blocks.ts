import { execFile } from 'node:child_process';

/**
 * The conventions of runnable docs (README.md and docs/*.md):
 * - a fenced block whose info string is `sh` is a shell example that runs as written, in the order
 *   of the file, from the repository root;
 * - a `sh` block directly below a line `<!-- not run: <reason> -->` is only shown (it starts a
 *   server, needs another machine, …);
 * - shell examples use no other info string (`bash`, `shell`, `console`, `zsh`), so none can slip
 *   past the test; output and other languages go in `json`, `text`, `graphql`, … blocks;
 * - examples reach the server at `http://127.0.0.1:8080` (or `http://localhost:8080`), which the
 *   test replaces with the address of the server it started.
 */
export interface ShellBlock {
  /** Where the block starts, `file:line`, for messages. */
  readonly where: string;
  readonly script: string;
  /** The reason given in `<!-- not run: … -->`, if the block is only shown. */
  readonly notRun: string | undefined;
}

const FENCE = /^(`{3,}|~{3,})\s*([^\s`]*)/;
const NOT_RUN = /^<!--\s*not run:\s*(.+?)\s*-->$/;
const OTHER_SHELLS = new Set(['bash', 'shell', 'console', 'zsh', 'shell-session']);

/** Every `sh` block of a markdown text, in order. */
export function shellBlocks(markdown: string, file: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const opening = FENCE.exec(lines[index] ?? '');
    if (opening === null) continue;
    const [, fence = '```', language = ''] = opening;
    const end = closingLine(lines, index + 1, fence);
    if (OTHER_SHELLS.has(language)) throw new Error(`${file}:${index + 1}: shell examples are fenced as sh (found ${language})`);
    if (language === 'sh') {
      const notRun = NOT_RUN.exec((lines[index - 1] ?? '').trim())?.[1];
      blocks.push({ where: `${file}:${index + 1}`, script: lines.slice(index + 1, end).join('\n'), notRun });
    }
    index = end;
  }
  return blocks;
}

function closingLine(lines: readonly string[], from: number, fence: string): number {
  for (let index = from; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line.startsWith(fence) && line.replace(/[`~]/g, '') === '' && line[0] === fence[0]) return index;
  }
  return lines.length;
}

export interface BlockRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one block with bash (`set -euo pipefail`) in `cwd`, with the shell variables the earlier
 * blocks of the same session left in `stateFile`, and saves its own for the next one: each
 * example may use what an earlier one set (`$B`, `$TOKEN`), as it would in one terminal.
 */
export function runBlock(script: string, options: { readonly cwd: string; readonly env: Readonly<Record<string, string>>; readonly stateFile: string }): Promise<BlockRun> {
  const state = JSON.stringify(options.stateFile);
  const wrapped = [
    // The variables a fresh bash has, so only those the examples set are carried over.
    '__walk_fresh=" $(compgen -v | tr "\\n" " ") "',
    `if [ -f ${state} ]; then source ${state}; fi`,
    'set -euo pipefail',
    script,
    'set +u',
    `for __walk_name in $(compgen -v); do case "$__walk_fresh" in *" $__walk_name "*) ;; *) case "$__walk_name" in __walk_*) ;; *) declare -p "$__walk_name" ;; esac ;; esac; done > ${state}`,
  ].join('\n');
  return new Promise((resolve) => {
    execFile('bash', ['-c', wrapped], { cwd: options.cwd, env: options.env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
