/**
 * What a marketplace needs from the manifest before `vsce publish` or `ovsx publish` (issue 13):
 * where the code and its issues live, a real publisher, an icon of the right kind and size, a
 * display name in every language, a `package` script that hides no vsce warning; and that every
 * file the README and the other documents show or link to is there (vsce turns relative links
 * into addresses under the repository, so a missing file is a broken picture on the marketplace);
 * and that both READMEs list every setting with its default and every command under its title.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readJson, ROOT } from '../l10nFiles';

interface Manifest {
  name: string;
  publisher: string;
  displayName: string;
  license: string;
  icon: string;
  repository: unknown;
  bugs: unknown;
  homepage: string;
  galleryBanner: { color: string; theme: string };
  engines: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { default: string; enum?: string[] }> };
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; icon?: string }[]>;
  };
}

const manifest: Manifest = readJson('package.json');

/** The display name each package.nls file must give; a new language adds its line here. */
const DISPLAY_NAMES: Record<string, string> = {
  'package.nls.json': 'Card Binding Doctor',
  'package.nls.zh-cn.json': '绑卡医生',
  'package.nls.zh-tw.json': '綁卡醫生',
};

/** The documents a person or a contributor reads, whose links and pictures must resolve. */
const DOCUMENTS = ['README.md', 'README.zh-cn.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'docs/tour.md', 'docs/reference.md'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'not a PNG');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The Markdown outside fenced code blocks, where a `](…)` is text, not a link. */
function proseOf(markdown: string): string {
  let fenced = false;
  const kept: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) kept.push(line);
  }
  return kept.join('\n');
}

/** Every link and picture target of a Markdown document, in order: `[text](target)`, `![alt](target)`. */
function linkTargets(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/\]\(([^()\s]+)\)/g)].map((match) => match[1]!);
}

/** The anchors GitHub (and the marketplaces) give a document's headings. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of proseOf(markdown).matchAll(/^#{1,6} ([^\n]+)$/gm)) {
    anchors.add(match[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-'));
  }
  return anchors;
}

describe('manifest: what a marketplace needs', () => {
  it('names the repository, the issue tracker and the home page on GitHub', () => {
    assert.deepEqual(manifest.repository, {
      type: 'git',
      url: 'https://github.com/card-binding-doctor/card-binding-doctor.git',
    });
    assert.deepEqual(manifest.bugs, { url: 'https://github.com/card-binding-doctor/card-binding-doctor/issues' });
    assert.equal(manifest.homepage, 'https://github.com/card-binding-doctor/card-binding-doctor#readme');
  });

  it('is published by the publisher the repository is named after, under its own name', () => {
    assert.equal(manifest.publisher, 'card-binding-doctor');
    assert.equal(manifest.name, 'card-binding-doctor');
  });

  it('has a licence the registries can show (Open VSX refuses an extension without one)', () => {
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('says which VS Code it needs', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
  });

  it('has a 128×128 PNG icon (vsce refuses an SVG icon)', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(pngSize(readFileSync(join(ROOT, manifest.icon))), { width: 128, height: 128 });
  });

  it('gives the gallery banner a colour and a theme', () => {
    assert.deepEqual(manifest.galleryBanner, { color: '#0B57A8', theme: 'dark' });
  });

  it('takes its display name from package.nls, in every language', () => {
    assert.equal(manifest.displayName, '%extension.displayName%');
    const files = readdirSync(ROOT).filter((file) => /^package\.nls(?:\.[a-z-]+)?\.json$/.test(file)).sort();
    assert.ok(files.includes('package.nls.json') && files.includes('package.nls.zh-cn.json'), files.join(', '));
    for (const file of files) {
      assert.ok(file in DISPLAY_NAMES, `${file}: a new language; add its display name to this test`);
      const strings: Record<string, string> = readJson(file);
      assert.equal(strings['extension.displayName'], DISPLAY_NAMES[file], file);
    }
  });

  it('packages with no flag that silences a vsce warning', () => {
    const script = manifest.scripts.package!;
    assert.match(script, /\bvsce package\b/);
    assert.doesNotMatch(script, /--allow-/);
  });

  it('gives the activity-bar container and its view an SVG icon that exists', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((entry) => entry.id === 'cardDoctor');
    assert.equal(container?.icon, 'media/cardDoctor.svg');
    assert.equal(manifest.contributes.views.cardDoctor?.find((view) => view.id === 'cardDoctor.form')?.icon, 'media/cardDoctor.svg');
    assert.match(readFileSync(join(ROOT, 'media/cardDoctor.svg'), 'utf8'), /^<svg [^>]*viewBox="0 0 24 24"/);
  });
});

describe('documents: every file they show or link to exists', () => {
  it('reads the link targets of a document, outside code blocks', () => {
    const markdown = '![a](docs/a.png) see [b](B.md#x) and [c](https://example.com)\n```\n[d](missing.md)\n```\n';
    assert.deepEqual(linkTargets(markdown), ['docs/a.png', 'B.md#x', 'https://example.com']);
    assert.deepEqual([...headingAnchors('## Your privacy\n### 1. The interview\n## Security and privacy\n')], [
      'your-privacy',
      '1-the-interview',
      'security-and-privacy',
    ]);
  });

  for (const document of DOCUMENTS) {
    it(`${document}: its links and pictures resolve`, () => {
      const markdown = readFileSync(join(ROOT, document), 'utf8');
      const local = linkTargets(markdown).filter((target) => !/^(?:https?|mailto):/.test(target));
      assert.ok(document !== 'README.md' || local.length >= 10, `only ${local.length} local links in the README`);
      for (const target of local) {
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path === '' ? join(ROOT, document) : join(ROOT, dirname(document), path);
        assert.ok(relative(ROOT, file) !== '' && !relative(ROOT, file).startsWith('..'), `${target} leaves the repository`);
        assert.ok(existsSync(file), `${document} links to ${target}, which does not exist`);
        if (anchor !== undefined) {
          assert.ok(statSync(file).isFile() && file.endsWith('.md'), `${target}: an anchor into something other than Markdown`);
          assert.ok(headingAnchors(readFileSync(file, 'utf8')).has(anchor), `${document} links to ${target}: no such heading`);
        }
      }
    });
  }

  it('shows the interview, the form, the diagnosis and a letter in each README, as PNG pictures the browser tests take', () => {
    const copied = readFileSync(join(ROOT, 'test/vscode/readmeImages.mjs'), 'utf8');
    for (const document of ['README.md', 'README.zh-cn.md']) {
      const pictures = [...proseOf(readFileSync(join(ROOT, document), 'utf8')).matchAll(/!\[[^\]]*\]\(([^()\s]+)\)/g)].map(
        (match) => match[1]!,
      );
      for (const subject of ['interview', 'sidebar', 'diagnosis', 'letter']) {
        assert.ok(pictures.some((picture) => picture.includes(subject)), `${document} shows no picture of the ${subject}`);
      }
      for (const picture of pictures) {
        assert.match(picture, /^docs\/images\/[\w-]+\.png$/, `${document}: ${picture}`);
        const name = picture.slice('docs/images/'.length);
        assert.ok(copied.includes(`'${name}':`), `${picture} is not one of readmeImages.mjs's pictures`);
        assert.deepEqual(readFileSync(join(ROOT, picture)).subarray(0, 8), PNG_SIGNATURE, picture);
      }
    }
  });
});

describe('README: the settings and commands it lists are the manifest’s', () => {
  /** How each README writes a setting whose default is the empty string. */
  const EMPTY: Record<string, string> = { 'README.md': '(empty)', 'README.zh-cn.md': '（空）' };
  const TITLES: Record<string, string> = { 'README.md': 'package.nls.json', 'README.zh-cn.md': 'package.nls.zh-cn.json' };

  for (const document of ['README.md', 'README.zh-cn.md']) {
    const rows = readFileSync(join(ROOT, document), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '')));

    it(`${document}: a row for every setting, with its default and every value it takes`, () => {
      const properties = manifest.contributes.configuration.properties;
      assert.deepEqual(Object.keys(properties).sort(), [
        'cardDoctor.accountEmail',
        'cardDoctor.appealSelfDiagnosis',
        'cardDoctor.journalPath',
        'cardDoctor.letterLanguage',
        'cardDoctor.name',
        'cardDoctor.outputFolder',
        'cardDoctor.templatesFolder',
      ]);
      for (const [key, property] of Object.entries(properties)) {
        const row = rows.find((cells) => cells[0] === `\`${key}\``);
        assert.ok(row, `${document} has no row for ${key}`);
        assert.equal(row[1], property.default === '' ? EMPTY[document] : `\`${property.default}\``, `${key}'s default`);
        for (const value of property.enum ?? []) assert.ok(row[2]?.includes(`\`${value}\``), `${key}: ${value} not described`);
      }
    });

    it(`${document}: a row for every command, under its title in that language`, () => {
      const titles: Record<string, string> = readJson(TITLES[document]!);
      for (const { command, title } of manifest.contributes.commands) {
        const name = titles[title.slice(1, -1)];
        assert.ok(name, `${command}: no title for ${title}`);
        assert.ok(rows.some((cells) => cells[0] === name), `${document} has no row for ${command} (${name})`);
      }
    });
  }
});
