// @vitest-environment jsdom
import "./dom-test-setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FileTree } from "./file-tree";

const paths = ["README.md", "src/a.py", "src/b.py"];

function setup(readOnly = false) {
  const handlers = { onOpen: vi.fn(), onCreate: vi.fn(), onRename: vi.fn(), onDelete: vi.fn() };
  render(<FileTree paths={paths} activePath="src/a.py" readOnly={readOnly} {...handlers} />);
  return handlers;
}

describe("FileTree", () => {
  it("is one tab stop on the open file, with arrow keys moving through the rows", async () => {
    const { onOpen } = setup();
    const tree = screen.getByRole("tree", { name: "Files" });
    const items = screen.getAllByRole("treeitem");
    expect(items.map((i) => i.textContent)).toEqual(["src", "a.py", "b.py", "README.md"]);
    expect(items.filter((i) => i.tabIndex === 0).map((i) => i.textContent)).toEqual(["a.py"]);
    expect(items[1]?.getAttribute("aria-selected")).toBe("true");
    expect(tree).toBeTruthy();

    items[1]!.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("b.py");
    await userEvent.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith("src/b.py");
  });

  it("closes a folder with Left and opens it with Right", async () => {
    setup();
    const folder = screen.getAllByRole("treeitem")[0]!;
    folder.focus();
    await userEvent.keyboard("{ArrowLeft}");
    expect(folder.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getAllByRole("treeitem").map((i) => i.textContent)).toEqual(["src", "README.md"]);
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getAllByRole("treeitem")).toHaveLength(4);
  });

  it("renames with F2, deletes with Delete and creates from the button", async () => {
    const { onRename, onDelete, onCreate } = setup();
    screen.getAllByRole("treeitem")[2]!.focus();
    await userEvent.keyboard("{F2}");
    expect(onRename).toHaveBeenCalledWith("src/b.py");
    await userEvent.keyboard("{Delete}");
    expect(onDelete).toHaveBeenCalledWith("src/b.py");
    await userEvent.click(screen.getByRole("button", { name: "New file" }));
    expect(onCreate).toHaveBeenCalledWith("");
  });

  it("offers no file operations when read-only", async () => {
    const { onRename, onDelete } = setup(true);
    expect(screen.queryByRole("button", { name: "New file" })).toBeNull();
    expect(screen.queryByLabelText(/Rename/)).toBeNull();
    screen.getAllByRole("treeitem")[1]!.focus();
    await userEvent.keyboard("{F2}{Delete}");
    expect(onRename).not.toHaveBeenCalled();
    expect(onDelete).not.toHaveBeenCalled();
  });
});
