/**
 * Compiles a person's own letter template with the full Handlebars compiler, with the same
 * options the build uses for the built-ins (`letterCompileOptions.cjs`).
 *
 * The compiler is 65 KB bundled against the runtime's 17 KB, so nothing imports this module
 * statically: the build makes it an entry of its own (`dist/templateCompiler.js`), which the CLI
 * and the extension load only when a person's own templates are in use. Pure (no fs): source in,
 * spec out.
 *
 * A template may come from anyone (a shared folder, a repository), so before Handlebars compiles
 * it, it is held to limits and to a subset of Handlebars:
 * - at most {@link TEMPLATE_SIZE_LIMIT} bytes and {@link TEMPLATE_TAG_LIMIT} tags;
 * - blocks and subexpressions (and `{{else if}}` chains) nested at most
 *   {@link TEMPLATE_NESTING_LIMIT} deep. Handlebars' parser takes time that grows faster than
 *   the nesting (2,000 unclosed `{{#if}}` take seconds, 7,000 over a minute) and its compiler
 *   recurses, so the source is scanned for tags and nesting in one pass before either sees it,
 *   and the parsed tree is checked again, precisely, by a loop;
 * - no `{{log}}`: it would print to the terminal or the extension host's console;
 * - no partials (`{{> name}}`) or decorators (`{{* name}}`, `{{#*inline}}`): letters need neither,
 *   and an inline partial that calls itself twice doubles the work at every level.
 * `{{lookup}}` stays: it reads only the letter's own data (properties of its prototypes are
 * refused at render time, without a warning; see `renderLetter`). Loops are capped at render
 * time (`TEMPLATE_RENDER_LIMITS`, see `renderLetter`).
 */
import Handlebars from 'handlebars';
import { letterCompileOptions } from './letterCompileOptions.cjs';
import { describeTemplateError, LetterTemplateError, TEMPLATE_NESTING_LIMIT, TEMPLATE_SIZE_LIMIT, TEMPLATE_TAG_LIMIT } from './templateErrors';

/**
 * Precompiles `source` and evaluates the result into a template spec that
 * `letterTemplateFromSpec` accepts. Compiling eagerly (not `Handlebars.compile`, which defers to
 * the first render) reports a syntax error, an unknown helper, or a template past a limit now,
 * naming `file` and the line (a `LetterTemplateError`).
 */
export function compileLetterTemplate(source: string, file: string): TemplateSpecification {
  checkSize(source, file);
  scanTags(source, file);
  let tree: hbs.AST.Program;
  try {
    // Without processing: the whitespace pass that `parse` adds recurses over the tree.
    tree = Handlebars.parseWithoutProcessing(source);
  } catch (error) {
    throw describeTemplateError(file, error);
  }
  checkTree(tree, file);
  let code: string;
  try {
    code = Handlebars.precompile(source, letterCompileOptions()) as string;
  } catch (error) {
    throw describeTemplateError(file, error);
  }
  // The same evaluation Handlebars.compile performs on its own output.
  return new Function(`return ${code};`)() as TemplateSpecification;
}

/** UTF-8 bytes, counted only when the length in characters leaves a doubt (a character is 1 to 3 bytes). */
function checkSize(source: string, file: string): void {
  const tooLarge = source.length > TEMPLATE_SIZE_LIMIT || (source.length * 3 > TEMPLATE_SIZE_LIMIT && utf8Length(source) > TEMPLATE_SIZE_LIMIT);
  if (tooLarge) {
    throw new LetterTemplateError(file, undefined, `the template is larger than ${TEMPLATE_SIZE_LIMIT / 1024} KB; a letter template is a few KB`);
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * One pass over the source, before Handlebars parses it: counts the tags and follows the nesting
 * of blocks (`{{#…}}`, `{{^…}}` … `{{/…}}`, each `{{else …}}` of a chain one level more) and of
 * parentheses inside a tag. Comments are skipped and `\{{` is text. Where it cannot be exact (a
 * raw block's content), it counts more, never less, than the parser would.
 */
function scanTags(source: string, file: string): void {
  // Per open block, how many {{else if}} levels it has gathered, all closed by its {{/…}}.
  const chains: number[] = [];
  let depth = 0;
  let tags = 0;
  const refuse = (at: number, reason: string): never => {
    let line = 1;
    for (let index = source.indexOf('\n'); index >= 0 && index < at; index = source.indexOf('\n', index + 1)) line++;
    throw new LetterTemplateError(file, line, reason);
  };
  for (let at = source.indexOf('{{'); at >= 0; ) {
    if (at > 0 && source[at - 1] === '\\') {
      at = source.indexOf('{{', at + 2);
      continue;
    }
    if (++tags > TEMPLATE_TAG_LIMIT) refuse(at, `the template has more than ${TEMPLATE_TAG_LIMIT} tags ({{…}}); a letter template has about 60`);
    let inside = at + 2;
    while (source[inside] === '{' || source[inside] === '~') inside++;
    if (source[inside] === '!') {
      const end = source.indexOf(source.startsWith('!--', inside) ? '--' : '}}', inside + 3);
      at = end < 0 ? -1 : source.indexOf('{{', end);
      continue;
    }
    inside = skipSpaces(source, inside);
    const sigil = source[inside];
    const tagEnd = endOfTag(source, inside);
    if (sigil === '#' || (sigil === '^' && !endsTag(source, skipSpaces(source, inside + 1)))) {
      depth++;
      chains.push(0);
    } else if (sigil === '/') {
      depth -= 1 + (chains.pop() ?? 0);
    } else if (source.startsWith('else', inside) && chains.length > 0) {
      const next = skipSpaces(source, inside + 4);
      if (next > inside + 4 && !endsTag(source, next)) {
        depth++;
        chains[chains.length - 1]! += 1;
      }
    }
    if (depth + deepestParentheses(source, inside, tagEnd) > TEMPLATE_NESTING_LIMIT) {
      refuse(at, `blocks and subexpressions are nested more than ${TEMPLATE_NESTING_LIMIT} deep`);
    }
    at = source.indexOf('{{', tagEnd);
  }
}

function skipSpaces(source: string, from: number): number {
  let index = from;
  while (source[index] === ' ' || source[index] === '\t' || source[index] === '\n' || source[index] === '\r') index++;
  return index;
}

/** Whether the tag ends at `at` (`}}`, or `~}}` with whitespace control). */
function endsTag(source: string, at: number): boolean {
  return source[at] === '}' || (source[at] === '~' && source[at + 1] === '}');
}

/** Where the tag whose content starts at `from` ends (the offset of its `}}`), skipping quoted strings. */
function endOfTag(source: string, from: number): number {
  let quote: string | undefined;
  for (let index = from; index < source.length; index++) {
    const char = source[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '}' && source[index + 1] === '}') {
      return index;
    }
  }
  return source.length;
}

/** The deepest nesting of parentheses (subexpressions) between `from` and `to`, outside quoted strings. */
function deepestParentheses(source: string, from: number, to: number): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (let index = from; index < to; index++) {
    const char = source[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (char === ')') {
      depth--;
    }
  }
  return deepest;
}

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/**
 * Walks the tree with an explicit stack, refusing what {@link compileLetterTemplate} lists, at the
 * line where it is. `depth` counts the blocks and subexpressions around a node; each `{{else if}}`
 * of a chain counts as one more, since Handlebars nests it in the block before it.
 */
function checkTree(tree: hbs.AST.Program, file: string): void {
  const pending: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, depth } = item;
    const refuse = (reason: string): never => {
      throw new LetterTemplateError(file, node.loc?.start.line, reason);
    };
    if (depth > TEMPLATE_NESTING_LIMIT) {
      refuse(`blocks and subexpressions are nested more than ${TEMPLATE_NESTING_LIMIT} deep`);
    }
    switch (node.type) {
      case 'Program': {
        const program = node as hbs.AST.Program;
        for (const statement of program.body) pending.push({ node: statement, depth });
        break;
      }
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const call = node as hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
        if (isHelperNamed(call.path, 'log')) {
          refuse('{{log}} is not allowed in a letter template: it would print to the terminal, not the letter');
        }
        const inner = node.type === 'MustacheStatement' ? depth : depth + 1;
        for (const param of call.params) pending.push({ node: param, depth: inner });
        for (const pair of call.hash?.pairs ?? []) pending.push({ node: pair.value, depth: inner });
        pending.push({ node: call.path, depth: inner });
        if (node.type === 'BlockStatement') {
          const block = node as hbs.AST.BlockStatement;
          if (block.program) pending.push({ node: block.program, depth: depth + 1 });
          // An {{else if}} is a block inside the inverse: one level more, as the compiler recurses into it.
          if (block.inverse) pending.push({ node: block.inverse, depth: depth + 1 });
        }
        break;
      }
      case 'PathExpression':
        // The compiler recurses once per part of a name such as `a.b.c`.
        if ((node as hbs.AST.PathExpression).parts.length > TEMPLATE_NESTING_LIMIT) {
          refuse(`a name has more than ${TEMPLATE_NESTING_LIMIT} parts`);
        }
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        refuse('partials ({{> name}}) are not supported in letter templates');
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        refuse('decorators ({{* name}}, {{#*inline}}) are not supported in letter templates');
        break;
      default:
        // Content, comments, paths and literals hold nothing to check.
        break;
    }
  }
}

/** Whether `path` calls the helper `name` itself (not a data field such as `this.log` or `@log`). */
function isHelperNamed(path: hbs.AST.PathExpression | hbs.AST.Literal | hbs.AST.SubExpression, name: string): boolean {
  return path.type === 'PathExpression' && !(path as hbs.AST.PathExpression).data && (path as hbs.AST.PathExpression).original === name;
}
