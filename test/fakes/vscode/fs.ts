import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Uri } from './uri';

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

/** vscode.FileSystemError: `code` is what the host checks ('FileNotFound' and so on). */
export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string = 'Unknown',
  ) {
    super(message);
    this.name = `${code} (FileSystemError)`;
  }

  static FileNotFound(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`file not found: ${String(uri)}`, 'FileNotFound');
  }
  static FileExists(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`file exists: ${String(uri)}`, 'FileExists');
  }
  static FileNotADirectory(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`not a directory: ${String(uri)}`, 'FileNotADirectory');
  }
  static FileIsADirectory(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`is a directory: ${String(uri)}`, 'FileIsADirectory');
  }
  static NoPermissions(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`no permissions: ${String(uri)}`, 'NoPermissions');
  }
  static Unavailable(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`unavailable: ${String(uri)}`, 'Unavailable');
  }
}

export interface FileStat {
  type: FileType;
  ctime: number;
  mtime: number;
  size: number;
}

/** What a test sees of every workspace.fs call, in order. */
export interface FsCall {
  op: 'stat' | 'readFile' | 'writeFile' | 'createDirectory' | 'delete' | 'rename' | 'readDirectory' | 'copy';
  uri: string;
}

interface MemoryEntry {
  type: FileType;
  data?: Uint8Array;
  mtime: number;
  /** For a link in a virtual folder: what stat reports as its type besides SymbolicLink. */
  target?: FileType;
}

/**
 * workspace.fs: `file:` Uris on the real disk (tests give a temp folder), every other scheme in
 * memory, keyed by the Uri without its path's trailing slash. Calls are recorded.
 */
export class FakeFileSystem {
  readonly calls: FsCall[] = [];
  private readonly memory = new Map<string, MemoryEntry>();
  /** Set by a test to make the next call on a Uri fail (the error is thrown once). */
  readonly failures = new Map<string, Error>();

  reset(): void {
    this.calls.length = 0;
    this.memory.clear();
    this.failures.clear();
  }

  /** Puts a file in the memory file system (its parent folders too). */
  putMemoryFile(uri: Uri, content: string | Uint8Array): void {
    this.ensureMemoryParents(uri);
    this.memory.set(key(uri), { type: FileType.File, data: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: Date.now() });
  }

  /** Marks a memory Uri as a symbolic link (to a file by default), as a remote folder would report it. */
  putMemoryLink(uri: Uri, target: FileType = FileType.File, content: string = ''): void {
    this.ensureMemoryParents(uri);
    this.memory.set(key(uri), { type: FileType.SymbolicLink, target, data: new TextEncoder().encode(content), mtime: Date.now() });
  }

  /** The text of a memory file, or undefined. */
  memoryText(uri: Uri): string | undefined {
    const entry = this.memory.get(key(uri));
    return entry?.data ? new TextDecoder().decode(entry.data) : undefined;
  }

  private record(op: FsCall['op'], uri: Uri): void {
    this.calls.push({ op, uri: uri.toString() });
    const failure = this.failures.get(uri.toString());
    if (failure) {
      this.failures.delete(uri.toString());
      throw failure;
    }
  }

  async stat(uri: Uri): Promise<FileStat> {
    this.record('stat', uri);
    if (uri.scheme === 'file') {
      try {
        const link = await fsp.lstat(uri.fsPath);
        if (link.isSymbolicLink()) {
          const target = await fsp.stat(uri.fsPath).catch(() => undefined);
          const targetType = target?.isDirectory() ? FileType.Directory : target ? FileType.File : FileType.Unknown;
          return { type: FileType.SymbolicLink | targetType, ctime: link.ctimeMs, mtime: link.mtimeMs, size: target?.size ?? 0 };
        }
        return { type: link.isDirectory() ? FileType.Directory : FileType.File, ctime: link.ctimeMs, mtime: link.mtimeMs, size: link.size };
      } catch (error) {
        throw translate(error, uri);
      }
    }
    const entry = this.memory.get(key(uri));
    if (!entry) throw FileSystemError.FileNotFound(uri);
    const type = entry.type === FileType.SymbolicLink ? FileType.SymbolicLink | (entry.target ?? FileType.File) : entry.type;
    return { type, ctime: entry.mtime, mtime: entry.mtime, size: entry.data?.byteLength ?? 0 };
  }

  async readFile(uri: Uri): Promise<Uint8Array> {
    this.record('readFile', uri);
    if (uri.scheme === 'file') {
      try {
        return new Uint8Array(await fsp.readFile(uri.fsPath));
      } catch (error) {
        throw translate(error, uri);
      }
    }
    const entry = this.memory.get(key(uri));
    if (!entry) throw FileSystemError.FileNotFound(uri);
    if (entry.type === FileType.Directory) throw FileSystemError.FileIsADirectory(uri);
    return entry.data ?? new Uint8Array();
  }

  async writeFile(uri: Uri, content: Uint8Array): Promise<void> {
    this.record('writeFile', uri);
    if (uri.scheme === 'file') {
      try {
        await fsp.mkdir(path.dirname(uri.fsPath), { recursive: true });
        await fsp.writeFile(uri.fsPath, content);
        return;
      } catch (error) {
        throw translate(error, uri);
      }
    }
    this.ensureMemoryParents(uri);
    this.memory.set(key(uri), { type: FileType.File, data: new Uint8Array(content), mtime: Date.now() });
  }

  async createDirectory(uri: Uri): Promise<void> {
    this.record('createDirectory', uri);
    if (uri.scheme === 'file') {
      try {
        await fsp.mkdir(uri.fsPath, { recursive: true });
        return;
      } catch (error) {
        throw translate(error, uri);
      }
    }
    this.ensureMemoryParents(uri);
    if (!this.memory.has(key(uri))) this.memory.set(key(uri), { type: FileType.Directory, mtime: Date.now() });
  }

  async delete(uri: Uri, options?: { recursive?: boolean }): Promise<void> {
    this.record('delete', uri);
    if (uri.scheme === 'file') {
      try {
        await fsp.rm(uri.fsPath, { recursive: options?.recursive ?? false });
        return;
      } catch (error) {
        throw translate(error, uri);
      }
    }
    const prefix = `${key(uri)}/`;
    if (!this.memory.delete(key(uri))) throw FileSystemError.FileNotFound(uri);
    for (const stored of [...this.memory.keys()]) if (stored.startsWith(prefix)) this.memory.delete(stored);
  }

  async rename(source: Uri, target: Uri, options?: { overwrite?: boolean }): Promise<void> {
    this.record('rename', source);
    if (source.scheme === 'file') {
      try {
        if (!options?.overwrite && (await fsp.stat(target.fsPath).then(() => true, () => false))) throw FileSystemError.FileExists(target);
        await fsp.rename(source.fsPath, target.fsPath);
        return;
      } catch (error) {
        throw translate(error, source);
      }
    }
    const entry = this.memory.get(key(source));
    if (!entry) throw FileSystemError.FileNotFound(source);
    if (!options?.overwrite && this.memory.has(key(target))) throw FileSystemError.FileExists(target);
    this.memory.delete(key(source));
    this.ensureMemoryParents(target);
    this.memory.set(key(target), entry);
  }

  async copy(source: Uri, target: Uri, options?: { overwrite?: boolean }): Promise<void> {
    this.record('copy', source);
    const data = await this.readFile(source);
    if (!options?.overwrite && (await this.stat(target).then(() => true, () => false))) throw FileSystemError.FileExists(target);
    await this.writeFile(target, data);
  }

  async readDirectory(uri: Uri): Promise<[string, FileType][]> {
    this.record('readDirectory', uri);
    if (uri.scheme === 'file') {
      try {
        const entries = await fsp.readdir(uri.fsPath, { withFileTypes: true });
        return entries.map((entry) => [entry.name, entry.isSymbolicLink() ? FileType.SymbolicLink : entry.isDirectory() ? FileType.Directory : FileType.File]);
      } catch (error) {
        throw translate(error, uri);
      }
    }
    const prefix = `${key(uri)}/`;
    const out: [string, FileType][] = [];
    for (const [stored, entry] of this.memory) {
      if (stored.startsWith(prefix) && !stored.slice(prefix.length).includes('/')) out.push([stored.slice(prefix.length), entry.type]);
    }
    return out;
  }

  isWritableFileSystem(): boolean {
    return true;
  }

  private ensureMemoryParents(uri: Uri): void {
    let parent = Uri.joinPath(uri, '..');
    while (parent.path !== '/' && !this.memory.has(key(parent))) {
      this.memory.set(key(parent), { type: FileType.Directory, mtime: Date.now() });
      parent = Uri.joinPath(parent, '..');
    }
  }
}

function key(uri: Uri): string {
  return uri.with({ path: uri.path.length > 1 ? uri.path.replace(/\/$/, '') : uri.path }).toString();
}

function translate(error: unknown, uri: Uri): unknown {
  if (error instanceof FileSystemError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return FileSystemError.FileNotFound(uri);
  if (code === 'EEXIST') return FileSystemError.FileExists(uri);
  if (code === 'EISDIR') return FileSystemError.FileIsADirectory(uri);
  if (code === 'ENOTDIR') return FileSystemError.FileNotADirectory(uri);
  if (code === 'EACCES' || code === 'EPERM') return FileSystemError.NoPermissions(uri);
  return error;
}
