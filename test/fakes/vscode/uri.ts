import * as path from 'node:path';

interface UriParts {
  scheme: string;
  authority: string;
  path: string;
  query: string;
  fragment: string;
}

/**
 * The part of vscode.Uri the host uses: scheme, path, fsPath, joinPath, with and a toString
 * that compares equal for equal Uris. Only `file:` Uris reach the disk; other schemes live in
 * the fake's memory file system (a virtual workspace).
 */
export class Uri {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;

  private constructor(parts: UriParts) {
    this.scheme = parts.scheme;
    this.authority = parts.authority;
    this.path = parts.path;
    this.query = parts.query;
    this.fragment = parts.fragment;
  }

  static file(fsPath: string): Uri {
    const posix = fsPath.replace(/\\/g, '/');
    return new Uri({ scheme: 'file', authority: '', path: posix.startsWith('/') ? posix : `/${posix}`, query: '', fragment: '' });
  }

  static parse(value: string): Uri {
    const colon = value.indexOf(':');
    const scheme = value.slice(0, colon);
    if (colon < 1 || !/^[a-z][\w+.-]*$/i.test(scheme)) throw new Error(`fake vscode: not a Uri: ${value}`);
    let rest = value.slice(colon + 1);
    const cut = (marker: string): string => {
      const at = rest.indexOf(marker);
      if (at < 0) return '';
      const part = rest.slice(at + 1);
      rest = rest.slice(0, at);
      return part;
    };
    const fragment = cut('#');
    const query = cut('?');
    let authority = '';
    if (rest.startsWith('//')) {
      const slash = rest.indexOf('/', 2);
      authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
      rest = slash < 0 ? '/' : rest.slice(slash);
    }
    return new Uri({ scheme: scheme.toLowerCase(), authority, path: decodeURIComponent(rest || '/'), query, fragment });
  }

  static from(parts: Partial<UriParts> & { scheme: string }): Uri {
    return new Uri({ authority: '', path: '/', query: '', fragment: '', ...parts });
  }

  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: path.posix.join(base.path || '/', ...segments) });
  }

  get fsPath(): string {
    return this.path;
  }

  with(change: Partial<UriParts>): Uri {
    return new Uri({ scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment, ...change });
  }

  toString(): string {
    const encodedPath = this.path
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/');
    const authority = this.scheme === 'file' || this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${authority}${encodedPath}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }

  toJSON(): UriParts & { $mid: number } {
    return { $mid: 1, scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}
