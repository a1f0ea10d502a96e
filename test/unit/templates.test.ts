/**
 * A person's own letter templates held to their limits: size, tags and nesting before compiling,
 * no {{log}}, partials or decorators, loops capped while rendering, nothing printed to the
 * console, and no secret let out into the letter.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { letterCompileOptions } from '../../src/core/letterCompileOptions.cjs';
import { buildLetterData, createLetterRuntime, letterTemplateFromSpec, renderLetter, type LetterData } from '../../src/core/letters';
import { compileLetterTemplate } from '../../src/core/templateCompiler';
import {
  LetterSecretError,
  LetterTemplateError,
  TEMPLATE_NESTING_LIMIT,
  TEMPLATE_RENDER_LIMITS,
  TEMPLATE_SIZE_LIMIT,
  TEMPLATE_TAG_LIMIT,
} from '../../src/core/templateErrors';
import { runCli as cli } from '../cliInProcess';
import { validReport as report } from '../validReport';

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'declined-unionpay.card-report.json');
const NOW = new Date('2025-11-27T12:00:00+08:00');

/** Letter data whose timeline holds `count` attempts. */
/** Letter data whose journal holds `count` attempts (letters count the journal's attempts, not the report's). */
function dataWithAttempts(count: number): LetterData {
  const history = Array.from({ length: count }, (_, index) =>
    report({ occurredAt: new Date(Date.parse('2025-11-20T00:00:00Z') + index * 60_000).toISOString(), errorMessage: 'declined' }),
  );
  return buildLetterData('appeal', 'en', report({ occurredAt: '2025-11-27T10:31:00+08:00' }), history, NOW);
}

const runtime = createLetterRuntime();
const render = (source: string, data: LetterData = dataWithAttempts(1)) =>
  renderLetter(letterTemplateFromSpec(runtime, compileLetterTemplate(source, 'mine.hbs'), 'mine.hbs'), data);

/** Asserts `run` throws a LetterTemplateError for mine.hbs with this line and reason. */
function refuses(run: () => unknown, line: number | undefined, reason: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof LetterTemplateError, String(error));
    assert.equal(error.file, 'mine.hbs');
    assert.equal(error.line, line);
    assert.equal(error.reason, reason);
    return true;
  });
}

/** Everything written to the console and the standard streams while `run` runs. */
function printed(run: () => void): string {
  let out = '';
  const record = (...args: unknown[]) => {
    out += args.map(String).join(' ');
  };
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  Object.assign(console, { log: record, info: record, warn: record, error: record, debug: record });
  process.stdout.write = ((chunk: string) => (record(chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (record(chunk), true)) as typeof process.stderr.write;
  try {
    run();
  } finally {
    Object.assign(console, saved);
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return out;
}

describe('a person’s own templates: limits and guards', () => {
  it('the limits are 64 KB, 1,000 tags, 16 levels, 100,000 repetitions and 16 million characters', () => {
    assert.equal(TEMPLATE_SIZE_LIMIT, 65_536);
    assert.equal(TEMPLATE_TAG_LIMIT, 1000);
    assert.equal(TEMPLATE_NESTING_LIMIT, 16);
    assert.deepEqual(TEMPLATE_RENDER_LIMITS, { repetitions: 100_000, characters: 16_000_000 });
  });

  describe('size, counted in UTF-8 bytes before parsing', () => {
    const tooLarge = 'the template is larger than 64 KB; a letter template is a few KB';
    it('64 KB of text compiles; one byte more does not', () => {
      assert.equal(render('x'.repeat(65_536)).length, 65_536);
      refuses(() => compileLetterTemplate('x'.repeat(65_537), 'mine.hbs'), undefined, tooLarge);
    });

    it('Chinese counts 3 bytes a character', () => {
      assert.equal(render('中'.repeat(21_845)).length, 21_845);
      refuses(() => compileLetterTemplate('中'.repeat(21_846), 'mine.hbs'), undefined, tooLarge);
    });

    it('10 MB is refused at once, never parsed', () => {
      refuses(() => compileLetterTemplate('{{#if a}}'.repeat(1_200_000), 'mine.hbs'), undefined, tooLarge);
    });
  });

  describe('tags', () => {
    it('1,000 compile; the 1,001st is refused on its line', () => {
      assert.equal(render('{{merchant.name}}'.repeat(1000)), 'OpenAI'.repeat(1000));
      refuses(
        () => compileLetterTemplate('{{attemptCount}}\n'.repeat(1001), 'mine.hbs'),
        1001,
        'the template has more than 1000 tags ({{…}}); a letter template has about 60',
      );
    });

    it('an escaped \\{{ is text, not a tag', () => {
      assert.equal(render('\\{{x}}'.repeat(1200)), '{{x}}'.repeat(1200));
    });
  });

  describe('nesting', () => {
    const tooDeep = 'blocks and subexpressions are nested more than 16 deep';
    const nested = (depth: number) => '{{#if attemptCount}}\n'.repeat(depth) + 'x' + '{{/if}}'.repeat(depth);

    it('16 blocks deep compile; 17 are refused at the 17th', () => {
      assert.equal(render(nested(16)).trim(), 'x');
      refuses(() => compileLetterTemplate(nested(17), 'mine.hbs'), 17, tooDeep);
    });

    it('7,000 blocks never closed are refused at once (Handlebars’ parser would take over a minute)', () => {
      refuses(() => compileLetterTemplate('{{#if a}}'.repeat(7000), 'mine.hbs'), 1, tooDeep);
    });

    it('each {{else if}} of a chain is one level more, as Handlebars nests it', () => {
      const chain = (links: number) => '{{#if severalCards}}a' + '{{else if severalCards}}b'.repeat(links) + '{{else}}c{{/if}}';
      assert.equal(render(chain(15)), 'c');
      refuses(() => compileLetterTemplate(chain(16), 'mine.hbs'), 1, tooDeep);
      refuses(() => compileLetterTemplate(chain(2000), 'mine.hbs'), 1, tooDeep);
    });

    it('subexpressions count as levels, inside blocks too', () => {
      // `{{valueOr (valueOr (… notes "n") …) "m"}}` with `depth` subexpressions.
      const sub = (depth: number) => {
        let inner = 'notes';
        for (let level = 0; level < depth; level++) inner = `(valueOr ${inner} "n")`;
        return `{{valueOr ${inner} "m"}}`;
      };
      assert.equal(render(sub(16)), 'n');
      refuses(() => compileLetterTemplate(sub(17), 'mine.hbs'), 1, tooDeep);
      refuses(() => compileLetterTemplate(`${'{{#if a}}'.repeat(10)}\n\n${sub(7)}${'{{/if}}'.repeat(10)}`, 'mine.hbs'), 3, tooDeep);
    });

    it('a name with 17 parts is refused; the compiler would recurse once per part', () => {
      refuses(() => compileLetterTemplate(`{{${'a.'.repeat(16)}b}}`, 'mine.hbs'), 1, 'a name has more than 16 parts');
    });

    it('{{#each}} inside {{#each}} six deep over 10 attempts (a million times) stops at 100,000 repetitions', () => {
      const loops = '{{#each @root.attempts}}'.repeat(6) + 'x' + '{{/each}}'.repeat(6);
      refuses(
        () => render(loops, dataWithAttempts(10)),
        undefined,
        "the template's loops repeat more than 100,000 times or write more than 16 million characters; loops inside loops multiply",
      );
      // The same through a bare block over a list, which loops without naming each.
      refuses(() => render('{{#attempts}}{{#@root.attempts}}{{#@root.attempts}}{{#@root.attempts}}{{#@root.attempts}}{{#@root.attempts}}x{{/@root.attempts}}{{/@root.attempts}}{{/@root.attempts}}{{/@root.attempts}}{{/@root.attempts}}{{/attempts}}', dataWithAttempts(10)), undefined, "the template's loops repeat more than 100,000 times or write more than 16 million characters; loops inside loops multiply");
    });

    it('loops that write 60 KB a turn stop at 16 million characters', () => {
      const loops = `{{#each attempts}}{{#each @root.attempts}}${'y'.repeat(60_000)}{{/each}}{{/each}}`;
      refuses(() => render(loops, dataWithAttempts(20)), undefined, "the template's loops repeat more than 100,000 times or write more than 16 million characters; loops inside loops multiply");
    });

    it('a loop over a long timeline is fine', () => {
      assert.equal(render('{{#each attempts}}x{{/each}}', dataWithAttempts(2000)), 'x'.repeat(2000));
    });
  });

  describe('nothing a template does reaches the console', () => {
    it('{{log}} is refused on its line, as a mustache or a subexpression', () => {
      const reason = '{{log}} is not allowed in a letter template: it would print to the terminal, not the letter';
      refuses(() => compileLetterTemplate('Dear support,\n{{log notes}}', 'mine.hbs'), 2, reason);
      refuses(() => compileLetterTemplate('a\nb\n{{valueOr (log "x") "y"}}', 'mine.hbs'), 3, reason);
      refuses(() => compileLetterTemplate('{{#log}}x{{/log}}', 'mine.hbs'), 1, reason);
    });

    it('a {{log}} compiled some other way prints nothing and writes nothing', () => {
      const spec = new Function(`return ${Handlebars.precompile('[{{log "secret" level="error"}}]', letterCompileOptions()) as string};`)() as TemplateSpecification;
      let text = '';
      const output = printed(() => {
        text = renderLetter(letterTemplateFromSpec(runtime, spec, 'other.hbs'), dataWithAttempts(1));
      });
      assert.equal(output, '');
      assert.equal(text, '[]');
    });

    it('partials and decorators are refused', () => {
      refuses(() => compileLetterTemplate('a\n{{> header}}', 'mine.hbs'), 2, 'partials ({{> name}}) are not supported in letter templates');
      refuses(() => compileLetterTemplate('{{#> layout}}x{{/layout}}', 'mine.hbs'), 1, 'partials ({{> name}}) are not supported in letter templates');
      refuses(
        () => compileLetterTemplate('{{#*inline "r"}}x{{/inline}}', 'mine.hbs'),
        1,
        'decorators ({{* name}}, {{#*inline}}) are not supported in letter templates',
      );
    });

    it('names that reach a prototype give nothing and print no warning', () => {
      // Handlebars warns once per name per process, so each name here is one no other test uses.
      const names = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'constructor', '__proto__'];
      for (const name of names) {
        let text = '';
        const output = printed(() => {
          text = render(`[{{card.${name}}}|{{lookup card "${name}"}}|{{lookup this "${name}"}}]`);
        });
        assert.equal(output, '', name);
        assert.equal(text, '[||]', name);
      }
    });

    it('{{lookup}} reads the letter’s own data', () => {
      assert.equal(render('{{lookup sender "email"}}|{{lookup merchant "name"}}'), '|OpenAI');
    });
  });

  describe('the last guard: no card number, CVC or one-time code leaves in a letter', () => {
    const secrets = ['Card 4242 4242 4242 4242', 'CVC: 739', '安全码 739', 'Your verification code is 586301', '验证码：586301'];
    for (const secret of secrets) {
      it(`“${secret}” written in the template`, () => {
        assert.throws(
          () => render(`Dear support,\n\n${secret}\n`),
          (error: unknown) => error instanceof LetterSecretError && error.file === 'mine.hbs' && error.kind === 'appeal',
        );
      });
    }

    it('through the CLI: exit 2 naming the template, nothing printed or written', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'card-doctor-templates-'));
      try {
        writeFileSync(join(dir, 'appeal.en.hbs'), 'Dear support, my CVC is 739.\n');
        const { code, stdout, stderr } = await cli(['render', 'appeal', EXAMPLE, '--lang', 'en', '--templates', dir, '--out', join(dir, 'letter.md')]);
        assert.equal(code, 2);
        assert.equal(stdout, '');
        assert.equal(
          stderr,
          `error: --templates: ${join(dir, 'appeal.en.hbs')}: the letter it made holds what looks like a card number, a security code (CVC) or a one-time code; nothing was written. Take it out of the template.\n`,
        );
        assert.deepEqual(readdirSync(dir), ['appeal.en.hbs']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('through the CLI', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'card-doctor-templates-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a template file over 64 KB is refused by its size, naming it', async () => {
      const file = join(dir, 'appeal.en.hbs');
      writeFileSync(file, 'x'.repeat(10 * 1024 * 1024));
      const { code, stdout, stderr } = await cli(['render', 'appeal', EXAMPLE, '--lang', 'en', '--templates', dir]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `error: --templates: ${file}: the template is larger than 64 KB (10,485,760 bytes); a letter template is a few KB\n`);
    });

    it('a template nested too deep, or with {{log}}, is bad input naming the file and line', async () => {
      const file = join(dir, 'appeal.en.hbs');
      writeFileSync(file, 'Hello\n' + '{{#if product}}'.repeat(17) + '{{/if}}'.repeat(17));
      const deep = await cli(['render', 'appeal', EXAMPLE, '--lang', 'en', '--templates', dir]);
      assert.equal(deep.code, 2);
      assert.equal(deep.stderr, `error: --templates: ${file}, line 2: blocks and subexpressions are nested more than 16 deep\n`);

      writeFileSync(file, 'Hello\n\n{{log card}}\n');
      const log = await cli(['render', 'appeal', EXAMPLE, '--lang', 'en', '--templates', dir]);
      assert.equal(log.code, 2);
      assert.equal(log.stdout, '');
      assert.equal(log.stderr, `error: --templates: ${file}, line 3: {{log}} is not allowed in a letter template: it would print to the terminal, not the letter\n`);
    });
  });
});

