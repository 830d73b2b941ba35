import { roleCan, ROLES } from "@interviewlm/auth";
import { ROOM_PERMISSIONS } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { roomPermissionsFor } from "./room-access.ts";

describe("room permissions in a reviewer's token", () => {
  it("are the room-level entries of the permission table for the role: a viewer may not write notes", () => {
    expect(roomPermissionsFor("VIEWER")).toEqual([]);
    for (const role of ["OWNER", "ADMIN", "MEMBER"] as const) expect(roomPermissionsFor(role)).toEqual(["notes:write"]);
  });

  it("follow the table for every role and room permission", () => {
    for (const role of ROLES) {
      for (const permission of ROOM_PERMISSIONS) expect(roomPermissionsFor(role).includes(permission)).toBe(roleCan(role, permission));
    }
  });
});
