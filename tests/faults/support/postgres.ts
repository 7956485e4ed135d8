import { serverDatabase } from "../../support/database.js";

/** The PostgreSQL server the server-side fault tests use; without it they are skipped. */
export const serverUrl = process.env.TEST_DATABASE_URL;

/** A new, empty database on the test server; `drop` removes it even while connections are open. */
export const scratchDatabase = () => serverDatabase("koers_fault");
