import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { adoptFormerRevisions, nextHistory } from "../../src/render/history.js";
import type { MigrationRecord } from "../../src/spec.js";

const apply = (revision: string, down: string | null): MigrationRecord => ({ revision, down, kind: "apply" });

describe("migration history", () => {
  it("chains a new project's revisions in layer order", () => {
    expect(nextHistory({ previous: [], contributed: ["create_users", "create_items", "add_items_owner"] })).toEqual([
      apply("create_users", null),
      apply("create_items", "create_users"),
      apply("add_items_owner", "create_items"),
    ]);
  });

  it("keeps what was written and appends a new revision on the project's real head", () => {
    const previous = [apply("create_items", null)];
    const next = nextHistory({ previous, contributed: ["create_users", "create_items", "add_items_owner"], head: "users_own_revision" });
    expect(next).toEqual([
      apply("create_items", null),
      apply("create_users", "users_own_revision"),
      apply("add_items_owner", "create_users"),
    ]);
  });

  it("changes nothing when the same revisions are contributed again", () => {
    const previous = [apply("create_users", null), apply("create_items", "create_users")];
    expect(nextHistory({ previous, contributed: ["create_users", "create_items"] })).toEqual(previous);
  });

  it("refuses to revert without consent, and names what it would drop and the flag", () => {
    const previous = [apply("create_users", null), apply("create_items", "create_users"), apply("add_items_owner", "create_items")];
    const attempt = () => nextHistory({ previous, contributed: ["create_items"] });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/revert add_items_owner, create_users.*--allow-data-loss/);
  });

  it("reverts newest first with consent, then re-applies under a fresh id when the option comes back", () => {
    const previous = [apply("create_users", null), apply("create_items", "create_users"), apply("add_items_owner", "create_items")];
    const off = nextHistory({ previous, contributed: ["create_items"], allowDataLoss: true });
    expect(off.slice(3)).toEqual([
      { revision: "revert_add_items_owner", down: "add_items_owner", kind: "revert", of: "add_items_owner" },
      { revision: "revert_create_users", down: "revert_add_items_owner", kind: "revert", of: "create_users" },
    ]);
    const on = nextHistory({ previous: off, contributed: ["create_users", "create_items", "add_items_owner"] });
    expect(on.slice(5)).toEqual([
      { revision: "reapply_create_users", down: "revert_create_users", kind: "reapply", of: "create_users" },
      { revision: "reapply_add_items_owner", down: "reapply_create_users", kind: "reapply", of: "add_items_owner" },
    ]);
    const offAgain = nextHistory({ previous: on, contributed: ["create_items"], allowDataLoss: true });
    expect(offAgain.slice(7).map((r) => r.revision)).toEqual(["revert_add_items_owner_2", "revert_create_users_2"]);
  });

  it("records a Django revision's app, and keeps it on the revert and re-apply that name it", () => {
    const apps = new Map([["create_posts", "posts"]]);
    const made = nextHistory({ previous: [], contributed: ["create_items", "create_posts"], apps, head: null });
    expect(made).toEqual([apply("create_items", null), { ...apply("create_posts", "create_items"), app: "posts" }]);
    // The resource is gone: its app is known from the record alone.
    const removed = nextHistory({ previous: made, contributed: ["create_items"], allowDataLoss: true, head: null });
    expect(removed.at(-1)).toEqual({ revision: "revert_create_posts", kind: "revert", of: "create_posts", app: "posts", down: null });
    const back = nextHistory({ previous: removed, contributed: ["create_items", "create_posts"], apps, head: null });
    expect(back.at(-1)).toEqual({ revision: "reapply_create_posts", kind: "reapply", of: "create_posts", app: "posts", down: null });
  });

  it("keeps every revision id within Alembic's 32 characters", () => {
    const long = "add_customer_invoice_lines_owner";
    const previous = [apply(long, null)];
    const next = nextHistory({ previous, contributed: [], allowDataLoss: true });
    expect(next[1]?.revision.length).toBeLessThanOrEqual(32);
    expect(new Set(next.map((r) => r.revision)).size).toBe(2);
  });

  describe("a revision that changes another's table (within: a Django resource's owner)", () => {
    const within = new Map([["add_items_owner", "create_items"]]);
    const apps = new Map([["create_users", "accounts"], ["create_items", "items"], ["add_items_owner", "items"]]);
    const contributed = ["create_users", "create_items", "add_items_owner"];

    it("is written inside that revision's file when both are new", () => {
      const made = nextHistory({ previous: [], contributed, apps, within, head: null });
      expect(made.map((r) => [r.revision, r.also])).toEqual([["create_users", undefined], ["create_items", ["add_items_owner"]]]);
    });

    it("is a revision of its own on a table made before, and goes first when reverted: it points at the others' tables", () => {
      const before = nextHistory({ previous: [], contributed: ["create_items"], apps, within, head: null });
      const added = nextHistory({ previous: before, contributed, apps, within, head: null });
      expect(added.slice(1).map((r) => r.revision)).toEqual(["create_users", "add_items_owner"]);
      const off = nextHistory({ previous: added, contributed: ["create_items"], apps, within, allowDataLoss: true, head: null });
      expect(off.slice(3).map((r) => r.revision)).toEqual(["revert_add_items_owner", "revert_create_users"]);
    });

    it("is reverted on its own while the table stays, and comes back as a revision of its own", () => {
      const made = nextHistory({ previous: [], contributed, apps, within, head: null });
      expect(() => nextHistory({ previous: made, contributed: ["create_items"], apps, within, head: null })).toThrow(/revert add_items_owner, create_users/);
      const off = nextHistory({ previous: made, contributed: ["create_items"], apps, within, allowDataLoss: true, head: null });
      expect(off.slice(2)).toEqual([
        { revision: "revert_add_items_owner", kind: "revert", of: "add_items_owner", app: "items", down: null },
        { revision: "revert_create_users", kind: "revert", of: "create_users", app: "accounts", down: "revert_add_items_owner" },
      ]);
      const on = nextHistory({ previous: off, contributed, apps, within, head: null });
      expect(on.slice(4).map((r) => r.revision)).toEqual(["reapply_create_users", "reapply_add_items_owner"]);
    });

    it("comes back as a revision of its own with a table made again after it was reverted, and goes again", () => {
      const made = nextHistory({ previous: [], contributed, apps, within, head: null });
      const off = nextHistory({ previous: made, contributed: ["create_items"], apps, within, allowDataLoss: true, head: null });
      const removed = nextHistory({ previous: off, contributed: [], apps, within, allowDataLoss: true, head: null });
      expect(removed.at(-1)?.revision).toBe("revert_create_items");
      const back = nextHistory({ previous: removed, contributed, apps, within, head: null });
      expect(back.slice(5).map((r) => r.revision)).toEqual(["reapply_create_users", "reapply_create_items", "reapply_add_items_owner"]);
      const offAgain = nextHistory({ previous: back, contributed: ["create_items"], apps, within, allowDataLoss: true, head: null });
      expect(offAgain.slice(8).map((r) => r.revision)).toEqual(["revert_add_items_owner_2", "revert_create_users_2"]);
    });
  });

  describe("a revision a layer split moved out of another (formerlyIn)", () => {
    // Before users were split from auth-jwt, create_users also created refresh_tokens.
    const moved = new Map([["create_refresh_tokens", "create_users"]]);
    const old = [apply("create_users", null), apply("create_login_failures", "create_users"), apply("create_items", "create_login_failures")];
    const contributed = ["create_users", "create_login_failures", "create_refresh_tokens", "create_items"];

    it("is adopted by the old revision's record once, and then appends nothing", () => {
      const adopted = adoptFormerRevisions(old, moved);
      expect(adopted[0]).toEqual({ ...apply("create_users", null), also: ["create_refresh_tokens"] });
      expect(adoptFormerRevisions(adopted, moved)).toEqual(adopted);
      expect(nextHistory({ previous: adopted, contributed })).toEqual(adopted);
    });

    it("is not adopted where it has a record of its own, or where the old revision was never applied", () => {
      const split = [...old, apply("create_refresh_tokens", "create_items")];
      expect(adoptFormerRevisions(split, moved)).toEqual(split);
      const noUsers = [apply("create_items", null)];
      expect(adoptFormerRevisions(noUsers, moved)).toEqual(noUsers);
    });

    it("goes and comes back with the revision that applied it, never as a file of its own", () => {
      const adopted = adoptFormerRevisions(old, moved);
      const off = nextHistory({ previous: adopted, contributed: ["create_items"], allowDataLoss: true });
      expect(off.slice(3).map((r) => r.revision)).toEqual(["revert_create_login_failures", "revert_create_users"]);
      const on = nextHistory({ previous: off, contributed });
      expect(on.slice(5).map((r) => r.revision)).toEqual(["reapply_create_users", "reapply_create_login_failures"]);
    });
  });
});
