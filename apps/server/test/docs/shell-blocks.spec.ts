import { describe, expect, it } from 'vitest';
import { shellBlocks } from './shell-blocks.js';

const FENCE = '```';

describe('shellBlocks: which examples of a markdown file run', () => {
  it('takes sh blocks in order, marks those under a not-run comment, and ignores other languages', () => {
    const markdown = [
      '# Title',
      `${FENCE}sh`,
      'echo one',
      'echo two',
      FENCE,
      `${FENCE}json`,
      '{"a":1}',
      FENCE,
      '<!-- not run: starts a server -->',
      `${FENCE}sh`,
      'pnpm start',
      FENCE,
      `${FENCE}sh`,
      `echo '${FENCE}'`,
      FENCE,
    ].join('\n');
    expect(shellBlocks(markdown, 'x.md')).toEqual([
      { where: 'x.md:2', script: 'echo one\necho two', notRun: undefined },
      { where: 'x.md:10', script: 'pnpm start', notRun: 'starts a server' },
      { where: 'x.md:13', script: `echo '${FENCE}'`, notRun: undefined },
    ]);
  });

  it('refuses shell examples fenced as anything but sh, so none escapes the test', () => {
    for (const language of ['bash', 'shell', 'console']) {
      expect(() => shellBlocks(`text\n${FENCE}${language}\nls\n${FENCE}\n`, 'y.md')).toThrow(`y.md:2: shell examples are fenced as sh (found ${language})`);
    }
  });

  it('a not-run comment applies only to the block right below it', () => {
    const markdown = ['<!-- not run: far away -->', '', `${FENCE}sh`, 'echo hi', FENCE].join('\n');
    expect(shellBlocks(markdown, 'z.md')[0]?.notRun).toBeUndefined();
  });
});
