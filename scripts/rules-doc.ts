/** `npm run -s docs:rules` prints the rule catalogue table of the README. */
import { catalogMarkdown } from '../src/rules/catalog-doc';

process.stdout.write(catalogMarkdown());
