/**
 * Core's Traditional Chinese table (l10n/zh-tw-table.json), put into the browser bundle by
 * esbuild.mjs: a web worker cannot read it from l10n/ synchronously, as Node does on first use.
 */
declare module 'virtual:zh-tw-table' {
  const table: import('../../core/language').TraditionalTable;
  export default table;
}
