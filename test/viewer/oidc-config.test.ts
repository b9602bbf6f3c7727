import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/env.js";

const env = (issuers: unknown) => readEnv({ OIDC_ISSUERS: typeof issuers === "string" ? issuers : JSON.stringify(issuers) });
const ISSUER = "https://login.example.test/realms/acme";

// OIDC_ISSUERS as an operator writes it: defaults filled in, mistakes stop the start with a plain message.
describe("OIDC_ISSUERS", () => {
  it("fills in the claim names and defaults, and takes one audience or several", () => {
    const [entry] = env([{ issuer: ISSUER, audience: "plugboard", organization: "acme" }]).OIDC_ISSUERS;
    expect(entry).toMatchObject({
      issuer: ISSUER,
      audience: ["plugboard"],
      organization: "acme",
      subjectClaim: "sub",
      emailClaim: "email",
      nameClaim: "name",
      roleMapping: {},
      allowAutoCreate: false,
    });
    expect(entry.algorithms).not.toContain("HS256");
    expect(env([{ issuer: ISSUER, audience: ["a", "b"], organizationClaim: "org" }]).OIDC_ISSUERS[0].audience).toEqual(["a", "b"]);
    expect(readEnv({}).OIDC_ISSUERS).toEqual([]);
  });

  it.each([
    ["not JSON", "[{", /OIDC_ISSUERS: must be a JSON array/],
    ["no audience", [{ issuer: ISSUER, organization: "acme" }], /OIDC_ISSUERS: entry 0 \(audience\)/],
    ["no organization", [{ issuer: ISSUER, audience: "p" }], /give either organization \(a slug\) or organizationClaim/],
    ["both ways to an organization", [{ issuer: ISSUER, audience: "p", organization: "a", organizationClaim: "org" }], /give either organization/],
    ["a misspelt setting", [{ issuer: ISSUER, audience: "p", organization: "a", allowAutocreate: true }], /allowAutocreate/],
    ["a mapping without its claim", [{ issuer: ISSUER, audience: "p", organization: "a", roleMapping: { admins: "ADMIN" } }], /roleMapping needs roleClaim/],
    ["a role that does not exist", [{ issuer: ISSUER, audience: "p", organization: "a", roleClaim: "groups", roleMapping: { admins: "OWNER" } }], /roleMapping/],
    ["a shared-secret algorithm", [{ issuer: ISSUER, audience: "p", organization: "a", algorithms: ["HS256"] }], /algorithms/],
    ["one issuer and audience twice", [{ issuer: ISSUER, audience: "p", organization: "a" }, { issuer: ISSUER, audience: "p", organization: "b" }], /entry 1: .* given twice/],
  ])("refuses %s", (_label, value, message) => {
    expect(() => env(value)).toThrow(message);
  });
});
