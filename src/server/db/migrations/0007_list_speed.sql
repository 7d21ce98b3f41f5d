-- Data versions: one row per kind of cached data, whose version (a random UUID) changes in the same
-- transaction as any write to the tables that data is read from. App servers read this small table
-- once per request and keep answers (the ledger list, a signed-in principal) in memory under the
-- version they were computed at, so a write on any server is seen at once by every server.
--   ledger  projects, annual plans, batch membership, and the names of people and organisations
--   auth    sessions, API tokens and users (sign-out, revocation, password change, disabling)
-- Regions are reference data (loaded into an empty table, or with the projects by the generator and
-- the demo) and are not watched, so a freshly migrated database stays empty for a restore. A UUID
-- rather than a counter: a restore brings back the archive's version with the archive's data, and no
-- earlier state can come back under a number a server has already seen.
-- The bump runs at commit (deferred constraint triggers) and once per transaction (a transaction-local
-- flag), so concurrent writers hold the row's lock only while they commit.
CREATE TABLE data_versions (
  name text PRIMARY KEY,
  version uuid NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  flag text := 'tuijin.bumped_' || TG_ARGV[0];
BEGIN
  IF current_setting(flag, true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO data_versions (name, version) VALUES (TG_ARGV[0], gen_random_uuid())
    ON CONFLICT (name) DO UPDATE SET version = excluded.version;
  PERFORM set_config(flag, 'on', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER projects_ledger_version AFTER INSERT OR UPDATE OR DELETE ON projects
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('ledger');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER annual_plans_ledger_version AFTER INSERT OR UPDATE OR DELETE ON annual_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('ledger');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER batch_projects_ledger_version AFTER INSERT OR UPDATE OR DELETE ON batch_projects
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('ledger');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER people_ledger_version AFTER UPDATE OR DELETE ON people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('ledger');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_ledger_version AFTER UPDATE OR DELETE ON organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('ledger');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sessions_auth_version AFTER UPDATE OR DELETE ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('auth');
--> statement-breakpoint
-- Recording a token's last use (at most once a minute) is not a change of who may call.
CREATE CONSTRAINT TRIGGER api_tokens_auth_version_update AFTER UPDATE ON api_tokens
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.user_id, OLD.token_hash, OLD.revoked_at) IS DISTINCT FROM (NEW.user_id, NEW.token_hash, NEW.revoked_at))
  EXECUTE FUNCTION data_versions_bump('auth');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER api_tokens_auth_version_delete AFTER DELETE ON api_tokens
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('auth');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_auth_version_update AFTER UPDATE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION data_versions_bump('auth');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_auth_version_delete AFTER DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_bump('auth');
--> statement-breakpoint
-- A database that already holds projects (an upgrade, or a restore of an older archive) starts
-- with versions no server has seen.
INSERT INTO data_versions (name, version)
  SELECT v.name, gen_random_uuid() FROM (VALUES ('ledger'), ('auth')) v(name) WHERE EXISTS (SELECT 1 FROM projects);
--> statement-breakpoint
-- The ledger's usual view (a stage, within the caller's region) and its totals read this index
-- alone once the table is vacuumed: the page is chosen from it before the wide rows are fetched.
CREATE INDEX projects_list_stage_idx ON projects (stage, region_path text_pattern_ops) INCLUDE (total_investment, code, id);
