// Administration on the configured database: `npm run cli -- <command>`.
import { parseArgs } from "node:util";
import { cliAdministrator } from "./administration/actor.js";
import { createApiKey, revokeApiKey } from "./administration/api-keys.js";
import { apiKeysWhere } from "./administration/listing.js";
import { createUser, deactivateUser, reactivateUser, updateUserRole } from "./administration/users.js";
import { DomainError } from "./errors.js";
import { type Db, openDatabase } from "./db/client.js";
import { newId } from "./db/ids.js";
import { DatabaseInUseError } from "./db/pglite-lock.js";
import { databaseTarget } from "./db/target.js";
import { readEnv } from "./env.js";
import { loadKeyring } from "./crypto/setup.js";
import { createSecrets, rotateSecrets } from "./crypto/secrets.js";
import type { Role } from "./generated/prisma/enums.js";
import { loadCatalog, readCatalog } from "./catalog/load.js";

const USAGE = `Usage: npm run cli -- <command>
  orgs create <slug> [--name N]
  users create <email> --org <slug> --role ADMIN|MEMBER [--name N]
  users role <email> --org <slug> --role ADMIN|MEMBER
  users deactivate <email> --org <slug>     revokes their keys too
  users reactivate <email> --org <slug>
  keys create --org <slug> [--user <email>] --role ADMIN|MEMBER [--name N]
  keys revoke <key id>
  keys list --org <slug>
  seed                 load the preset catalog (idempotent)
  migrate              apply pending migrations
  rotate-keys          re-encrypt every stored secret with the first key of ENCRYPTION_KEYS`;

class UsageError extends Error {}

const COMMANDS = new Set([
  "orgs create",
  "users create",
  "users role",
  "users deactivate",
  "users reactivate",
  "keys create",
  "keys revoke",
  "keys list",
  "seed",
  "migrate",
  "rotate-keys",
]);

function role(value: string | undefined): Role {
  if (value !== "ADMIN" && value !== "MEMBER") throw new UsageError("--role must be ADMIN or MEMBER");
  return value;
}

async function org(db: Db, slug: string | undefined) {
  if (!slug) throw new UsageError("--org <slug> is required");
  const found = await db.organization.findUnique({ where: { slug } });
  if (!found) throw new UsageError(`no organization with slug "${slug}"`);
  return found;
}

async function userByEmail(db: Db, o: { id: string; slug: string }, email: string) {
  const u = await db.user.findFirst({ where: { organizationId: o.id, email: { equals: email, mode: "insensitive" } } });
  if (!u) throw new UsageError(`no user ${email} in ${o.slug}`);
  return u;
}

const parseOptions = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, org: { type: "string" }, role: { type: "string" }, user: { type: "string" } },
  });

async function run(argv: string[]): Promise<void> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [group, action, arg] = positionals;
  const command = [group, action].filter(Boolean).join(" ");
  if (!group || group === "help") throw new UsageError("");
  // refuse a bad command before opening the database (which embedded mode may have to wait for)
  if (!COMMANDS.has(group === "seed" || group === "migrate" || group === "rotate-keys" ? group : command)) {
    throw new UsageError(`unknown command: ${command}`);
  }

  const env = readEnv();
  const target = databaseTarget(env.DATABASE_URL, env.DATA_DIR);
  const database = await openDatabase(target, { purpose: "the Plugboard CLI" });
  const { db } = database;
  try {
    if (group === "rotate-keys") {
      const secrets = createSecrets(await loadKeyring(env.ENCRYPTION_KEYS, target, env.DATA_DIR));
      console.log(`re-encrypted ${await rotateSecrets(db, secrets)} secret(s) with key ${env.ENCRYPTION_KEYS?.split(":")[0] ?? "(key file)"}`);
    } else if (group === "seed" || group === "migrate") {
      if (group === "seed") console.log(`catalog: ${await loadCatalog(db, await readCatalog(env.CATALOG_PATH))} presets`);
      else console.log("migrations: up to date");
    } else if (command === "orgs create") {
      if (!arg || !/^[a-z0-9][a-z0-9-]*$/.test(arg)) throw new UsageError("orgs create <slug>: lowercase letters, digits and -");
      const o = await db.organization.create({ data: { id: newId("org"), slug: arg, name: values.name ?? arg } });
      console.log(`organization ${o.slug} (${o.id})`);
    } else if (command === "users create") {
      if (!arg) throw new UsageError("users create <email>");
      const o = await org(db, values.org);
      const u = await createUser(db, cliAdministrator(o.id), { email: arg, name: values.name, role: role(values.role) });
      console.log(`user ${u.email} (${u.id}) in ${o.slug} as ${u.role}`);
    } else if (command === "users role" || command === "users deactivate" || command === "users reactivate") {
      if (!arg) throw new UsageError(`${command} <email>`);
      const o = await org(db, values.org);
      const { id } = await userByEmail(db, o, arg);
      const admin = cliAdministrator(o.id);
      const u =
        command === "users role"
          ? await updateUserRole(db, admin, { id, role: role(values.role) })
          : command === "users deactivate"
            ? await deactivateUser(db, admin, id)
            : await reactivateUser(db, admin, id);
      console.log(`user ${u.email} (${u.id}) in ${o.slug}: ${u.role}, ${u.deactivatedAt ? "deactivated" : "active"}`);
    } else if (command === "keys create") {
      const o = await org(db, values.org);
      const userId = values.user ? (await userByEmail(db, o, values.user)).id : null;
      const { apiKey, key } = await createApiKey(db, cliAdministrator(o.id), { userId, role: role(values.role), name: values.name });
      console.log(`API key ${apiKey.id} for ${o.slug}${values.user ? ` (${values.user})` : ""}; it is shown only once:`);
      console.log(key);
    } else if (command === "keys revoke") {
      if (!arg) throw new UsageError("keys revoke <key id>");
      const found = await db.apiKey.findUnique({ where: { id: arg }, select: { organizationId: true } });
      if (!found) throw new UsageError(`no key ${arg}`);
      await revokeApiKey(db, cliAdministrator(found.organizationId), arg);
      console.log(`revoked ${arg}`);
    } else if (command === "keys list") {
      const o = await org(db, values.org);
      const keys = await db.apiKey.findMany({ where: apiKeysWhere(o.id, null), include: { user: true }, orderBy: { createdAt: "asc" } });
      for (const k of keys) {
        const status = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        console.log(`${k.id}  ${k.prefix}…  ${k.role}  ${k.user?.email ?? "(organization)"}  ${status}`);
      }
    } else {
      throw new UsageError(`unknown command: ${command}`);
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((e) => {
  if (e instanceof UsageError) {
    if (e.message) console.error(`error: ${e.message}\n`);
    console.error(USAGE);
    process.exit(2);
  }
  // the rules the API refuses with (a key above its user's role, the last ADMIN, a taken email)
  if (e instanceof DomainError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  if (e instanceof DatabaseInUseError) {
    console.error(e.message);
    process.exit(3);
  }
  const code = (e as { code?: string }).code;
  if (code === "P2002") {
    console.error("error: that already exists (slug, email or key must be unique)");
    process.exit(1);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
