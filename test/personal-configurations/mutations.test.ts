import { describe, expect, it } from "vitest";
import { openJson } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { member } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { personalConfigurations } from "./api.js";

const GITHUB = { presetSlug: "github", name: "My GitHub", configuration: { repository: "octo-org/octo-repo", branch: "main", paths: [] } };

const sealed = async (id: string) => {
  const row = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });
  return { row, secret: row.credentialsEnc && openJson("PersonalConfiguration.credentialsEnc", id, row.credentialsEnc) };
};

describe("personal configuration mutations", async () => {
  const server = await startServer();

  it.each([
    [{ apiKey: "k-1" }, "API_KEY", { apiKey: "k-1" }, null],
    [{ bearerToken: "b-1" }, "BEARER", { accessToken: "b-1" }, null],
    [{ oauth2: { accessToken: "a-1", refreshToken: "r-1", expiresAt: "2030-01-01T00:00:00.000Z" } }, "OAUTH2", { accessToken: "a-1", refreshToken: "r-1" }, "2030-01-01T00:00:00.000Z"],
    [{ username: "ann", password: "pw" }, "BASIC", { username: "ann", password: "pw" }, null],
  ] as const)("creates one with %j: sealed, %s, health UNKNOWN", async (credentials, type, secret, expiresAt) => {
    const { alice } = await team();
    const p = member(await personalConfigurations(server.as(alice.key)).create({ ...GITHUB, credentials }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    expect(p).toMatchObject({ credentialType: type, hasCredentials: true, credentialsExpireAt: expiresAt, healthStatus: "UNKNOWN", enabled: true });
    expect(p).toMatchObject({ user: { id: alice.userId }, apiKeyId: null, preset: { slug: "github" }, configuration: GITHUB.configuration });
    const { row, secret: opened } = await sealed(p.id);
    expect(opened).toEqual(secret);
    expect(row.version).toBe(1);
  });

  it("belongs to the key when the key has no user, and holds no credentials unless given", async () => {
    const { orgKey } = await team();
    const p = member(await personalConfigurations(server.as(orgKey.key)).create(GITHUB), "CreatePersonalConfigurationSuccess").personalConfiguration;
    expect(p).toMatchObject({ user: null, apiKeyId: orgKey.keyId, hasCredentials: false, credentialType: null });
  });

  it("answers ValidationError with paths, NotFoundError for an unknown preset, and writes nothing", async () => {
    const { alice, organizationId } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const cases = [
      [{ ...GITHUB, credentials: { apiKey: "k", bearerToken: "b" } }, [["input", "credentials", "apiKey"], ["input", "credentials", "bearerToken"]]],
      [{ ...GITHUB, credentials: {} }, [["input", "credentials"]]],
      [{ ...GITHUB, credentials: { username: "ann" } }, [["input", "credentials", "password"]]],
      [{ ...GITHUB, credentials: { apiKey: "" } }, [["input", "credentials", "apiKey"]]],
      [{ ...GITHUB, name: " " }, [["input", "name"]]],
      [{ ...GITHUB, configuration: { repository: "bad", branch: "main", paths: [] } }, [["input", "configuration", "repository"]]],
      [{ ...GITHUB, configuration: { branch: "main", paths: [] } }, [["input", "configuration", "repository"]]],
    ] as const;
    for (const [input, paths] of cases) {
      expect(member(await api.create(input as never), "ValidationError").fieldErrors.map((e) => e.path)).toEqual(paths);
    }
    expect(member(await api.create({ ...GITHUB, presetSlug: "nope" }), "NotFoundError").message).toContain("nope");
    expect(await prisma.personalConfiguration.count({ where: { organizationId } })).toBe(0);
  });

  it("updates fields, replaces or removes credentials, bumps version and publishes after the write", async () => {
    const { bob } = await team();
    const api = personalConfigurations(server.as(bob.key));
    const p = member(await api.create({ ...GITHUB, credentials: { apiKey: "old" } }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    await prisma.personalConfiguration.update({ where: { id: p.id }, data: { healthStatus: "HEALTHY" } });
    const changes = server.app.pubsub.subscribe("personal-configuration", p.id);
    const published = changes.next(); // the subscription listens from its first pull
    const u = member(
      await api.update({ id: p.id, name: "Renamed", description: "d", enabled: false, metadata: { m: 1 }, credentials: { bearerToken: "new" } }),
      "UpdatePersonalConfigurationSuccess",
    ).personalConfiguration;
    expect(u).toMatchObject({ name: "Renamed", description: "d", enabled: false, metadata: { m: 1 }, credentialType: "BEARER", healthStatus: "UNKNOWN" });
    expect(await sealed(p.id)).toMatchObject({ row: { version: 2 }, secret: { accessToken: "new" } });
    expect((await published).value).toEqual({ personalConfigurationId: p.id, version: 2, deleted: false });
    await changes.return?.();
    const cleared = member(await api.update({ id: p.id, credentials: null, metadata: null }), "UpdatePersonalConfigurationSuccess").personalConfiguration;
    expect(cleared).toMatchObject({ hasCredentials: false, credentialType: null, metadata: null, name: "Renamed" });
    expect((await sealed(p.id)).row).toMatchObject({ credentialsEnc: null, version: 3 });
    expect(member(await api.update({ id: p.id }), "UpdatePersonalConfigurationSuccess").personalConfiguration.name).toBe("Renamed");
    expect((await sealed(p.id)).row.version).toBe(3);
    const bad = member(await api.update({ id: p.id, configuration: { repository: "x/y", extra: true } }), "ValidationError");
    expect(bad.fieldErrors.map((e) => e.path).sort()).toEqual([["input", "configuration", "branch"], ["input", "configuration", "extra"], ["input", "configuration", "paths"]]);
    expect((await sealed(p.id)).row.version).toBe(3);
  });

  it("deletes one, and answers NotFoundError afterwards", async () => {
    const { alice } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const p = member(await api.create(GITHUB), "CreatePersonalConfigurationSuccess").personalConfiguration;
    expect(member(await api.remove(p.id), "DeletePersonalConfigurationSuccess").deletedId).toBe(p.id);
    expect(await prisma.personalConfiguration.findUnique({ where: { id: p.id } })).toBeNull();
    expect(member(await api.remove(p.id), "NotFoundError").requestedId).toBe(p.id);
  });

  it("answers NotFoundError for another user's, another key's or another organization's configuration", async () => {
    const mine = await team();
    const other = await team();
    const alices = member(await personalConfigurations(server.as(mine.alice.key)).create(GITHUB), "CreatePersonalConfigurationSuccess").personalConfiguration;
    for (const key of [mine.bob.key, mine.orgKey.key, other.alice.key]) {
      const api = personalConfigurations(server.as(key));
      expect((await api.update({ id: alices.id, name: "mine now" })).__typename).toBe("NotFoundError");
      expect((await api.test(alices.id)).__typename).toBe("NotFoundError");
      expect((await api.remove(alices.id)).__typename).toBe("NotFoundError");
    }
    expect((await sealed(alices.id)).row).toMatchObject({ name: "My GitHub", version: 1 });
  });
});
