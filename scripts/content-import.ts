// Loads content/ into the database: items it lacks become revision 1. With --update, an item whose
// files differ from its latest revision gets them as a new revision (trainers' drafts are kept).
// Usage: npm run content:import [-- --update]
import { parseArgs } from "node:util";
import { runMigrations } from "../db/migrate";
import { importContent } from "../db/queries/content-import";

const { values } = parseArgs({ options: { update: { type: "boolean", default: false } } });
await runMigrations();
const { created, updated } = await importContent({ update: values.update });
console.log(`content:import: ${created} new item(s), ${updated} updated from content/`);
