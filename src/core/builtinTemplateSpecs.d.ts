/**
 * The built-in letter templates, precompiled by the build (`templates/builtinTemplatesPlugin.mjs`
 * in esbuild.mjs). Only bundles can import it; unit tests install a stand-in that compiles
 * `templates/*.hbs` at run time with the same options (`test/templateLoader.ts`).
 */
declare module 'virtual:builtin-templates' {
  /** Template specs keyed by file name without `.hbs`: `appeal.en`, `bank-inquiry.zh-cn`. */
  export const BUILTIN_TEMPLATE_SPECS: Readonly<Record<string, object>>;
}
