import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Avatar, initialsOf } from "./avatar.tsx";

describe("Avatar", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["Grace Brewster Hopper", "GH"],
    ["grace.hopper@example.com", "GH"],
    ["linus", "L"],
    ["   ", "?"],
  ])("derives initials from %j", (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it("is an image named after the person unless marked decorative", () => {
    const { rerender } = render(<Avatar name="Ada Lovelace" />);
    expect(screen.getByRole("img", { name: "Ada Lovelace" }).textContent).toBe("AL");
    rerender(<Avatar name="Ada Lovelace" decorative />);
    expect(screen.queryByRole("img")).toBeNull();
  });
});
