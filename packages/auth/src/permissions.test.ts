import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, canAssignRole, canManageMember, permissionsFor, roleCan, type Permission } from "./permissions.ts";

describe("permission table", () => {
  it("lets a viewer read but not invite candidates or write", () => {
    expect(roleCan("VIEWER", "candidates:read")).toBe(true);
    expect(roleCan("VIEWER", "sessions:watch")).toBe(true);
    expect(roleCan("VIEWER", "candidates:invite")).toBe(false);
    expect(roleCan("VIEWER", "assessments:write")).toBe(false);
    expect(roleCan("VIEWER", "notes:write")).toBe(false);
    expect(roleCan("VIEWER", "decisions:write")).toBe(false);
  });

  it("lets members do the interviewing work but not manage the organisation", () => {
    expect(permissionsFor("MEMBER")).toEqual(expect.arrayContaining(["candidates:invite", "assessments:write", "notes:write", "evaluations:override", "decisions:write"]));
    for (const p of ["members:invite", "billing:read", "audit:read", "data:delete", "org:update"] as const) {
      expect(roleCan("MEMBER", p), p).toBe(false);
    }
  });

  it("reserves deleting the organisation for owners", () => {
    expect(ROLES.filter((r) => roleCan(r, "org:delete"))).toEqual(["OWNER"]);
  });

  it("gives owners every permission and admins all but org:delete", () => {
    expect(permissionsFor("OWNER")).toEqual([...PERMISSIONS]);
    expect(permissionsFor("ADMIN")).toEqual(PERMISSIONS.filter((p) => p !== "org:delete"));
  });

  it("matches the specified table exactly", () => {
    const table = Object.fromEntries(PERMISSIONS.map((p) => [p, ROLES.filter((r) => roleCan(r, p)).join(",")]));
    const all = "OWNER,ADMIN,MEMBER,VIEWER";
    const managers = "OWNER,ADMIN";
    const contributors = "OWNER,ADMIN,MEMBER";
    expect(table).toEqual({
      "org:read": all,
      "org:update": managers,
      "org:delete": "OWNER",
      "members:read": all,
      "members:invite": managers,
      "members:update_role": managers,
      "members:remove": managers,
      "billing:read": managers,
      "billing:manage": managers,
      "assessments:read": all,
      "assessments:write": contributors,
      "questions:read_solutions": contributors,
      "candidates:read": all,
      "candidates:invite": contributors,
      "sessions:watch": all,
      "notes:write": contributors,
      "reports:read": all,
      "reports:share": contributors,
      "evaluations:override": contributors,
      "decisions:write": contributors,
      "audit:read": managers,
      "data:export": managers,
      "data:delete": managers,
    });
  });

  it("answers false for an unknown permission instead of throwing", () => {
    expect(roleCan("OWNER", "everything:all" as Permission)).toBe(false);
  });
});

describe("role assignment", () => {
  it("lets an owner grant any role", () => {
    expect(ROLES.every((r) => canAssignRole("OWNER", r))).toBe(true);
  });

  it("does not let an admin grant OWNER", () => {
    expect(canAssignRole("ADMIN", "OWNER")).toBe(false);
    expect(canAssignRole("ADMIN", "ADMIN")).toBe(true);
    expect(canAssignRole("ADMIN", "VIEWER")).toBe(true);
  });

  it("lets members and viewers grant nothing", () => {
    expect(ROLES.some((r) => canAssignRole("MEMBER", r) || canAssignRole("VIEWER", r))).toBe(false);
  });

  it("lets only owners change or remove owners", () => {
    expect(canManageMember("OWNER", "OWNER")).toBe(true);
    expect(canManageMember("ADMIN", "OWNER")).toBe(false);
    expect(canManageMember("ADMIN", "MEMBER")).toBe(true);
    expect(canManageMember("MEMBER", "VIEWER")).toBe(false);
  });
});
