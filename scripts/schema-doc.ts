/** `npm run -s docs:schema` prints the schema section of the README (kept in sync by test/db/schema-doc.test.ts). */
import { schemaMarkdown } from '../src/db/schema-doc';

process.stdout.write(schemaMarkdown());
