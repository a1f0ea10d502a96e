/** mocha's browser build (mocha/mocha.js): the instance whose setup() defines describe/it globally. */
declare module 'mocha/mocha.js' {
  const mocha: unknown;
  export default mocha;
}
