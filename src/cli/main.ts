/** The `card-doctor` executable (the bundle's entry): runs the command line it was given. */
import { main } from './program';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
