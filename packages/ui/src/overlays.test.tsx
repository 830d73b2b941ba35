import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Button } from "./button.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs.tsx";
import { ToastProvider, useToast } from "./toast.tsx";

describe("DropdownMenu", () => {
  function Menu({ onSelect }: { onSelect?: (item: string) => void }) {
    return (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary">Actions</Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => onSelect?.("duplicate")}>Duplicate</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => onSelect?.("archive")}>Archive</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    );
  }

  it("opens from the keyboard as a menu and selects with arrow keys and Enter", async () => {
    const user = userEvent.setup();
    const selected: string[] = [];
    render(<Menu onSelect={(item) => selected.push(item)} />);
    const trigger = screen.getByRole("button", { name: "Actions" });
    trigger.focus();
    await user.keyboard("{Enter}");

    const menu = await screen.findByRole("menu");
    expect(menu).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Duplicate"));
    await user.keyboard("{ArrowDown}{Enter}");
    expect(selected).toEqual(["archive"]);
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
  });

  it("closes on Escape and gives focus back to its trigger", async () => {
    const user = userEvent.setup();
    render(<Menu />);
    const trigger = screen.getByRole("button", { name: "Actions" });
    trigger.focus();
    await user.keyboard("{Enter}");
    await screen.findByRole("menu");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    expect(document.activeElement).toBe(trigger);
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("Tabs", () => {
  it("moves between tabs with the arrow keys and shows the matching panel", async () => {
    const user = userEvent.setup();
    render(
      <Tabs defaultValue="code">
        <TabsList aria-label="Session views">
          <TabsTrigger value="code">Code</TabsTrigger>
          <TabsTrigger value="terminal">Terminal</TabsTrigger>
        </TabsList>
        <TabsContent value="code">Editor here</TabsContent>
        <TabsContent value="terminal">Terminal here</TabsContent>
      </Tabs>,
    );
    screen.getByRole("tab", { name: "Code" }).focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Terminal" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toBe("Terminal here");
  });
});

describe("Toast", () => {
  function SaveButton() {
    const { toast } = useToast();
    return <Button onClick={() => toast({ title: "Assessment saved", tone: "success" })}>Save</Button>;
  }

  it("shows notifications inside a labelled region and can be dismissed", async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <SaveButton />
      </ToastProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Save" }));

    const region = screen.getByRole("region", { name: /Notifications/ });
    await waitFor(() => expect(region.textContent).toContain("Assessment saved"));
    await user.click(screen.getByRole("button", { name: "Dismiss notification" }));
    await waitFor(() => expect(region.textContent).not.toContain("Assessment saved"));
  });

  it("useToast outside the provider fails loudly instead of dropping messages", () => {
    function Orphan() {
      useToast();
      return null;
    }
    // React and jsdom both log the thrown render error; the assertion below is what matters.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const swallow = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener("error", swallow);
    expect(() => render(<Orphan />)).toThrow(/ToastProvider/);
    window.removeEventListener("error", swallow);
  });
});
