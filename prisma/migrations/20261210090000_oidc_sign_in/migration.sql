-- Sign-in with an identity provider's tokens (src/auth/oidc): a user is found by the issuer and
-- subject of their token, unique within an organization.
ALTER TABLE "User" ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "oidcSubject" TEXT;

-- Emails were unique across the server, but one person signed in to two organizations through one
-- identity provider has one email and two users.
DROP INDEX "User_email_key";

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_email_key" ON "User"("organizationId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_oidcIssuer_oidcSubject_key" ON "User"("organizationId", "oidcIssuer", "oidcSubject");
