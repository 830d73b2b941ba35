import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Button } from "./button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./dialog.tsx";
import { TextField } from "./text-field.tsx";

function ArchiveDialog() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Archive assessment</Button>
      </DialogTrigger>
      <DialogContent title="Archive this assessment?" description="Candidates can no longer start it.">
        <TextField label="Reason" name="reason" />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger">Archive</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

describe("Dialog", () => {
  it("opens as a named, described modal dialog with focus moved inside", async () => {
    const user = userEvent.setup();
    render(<ArchiveDialog />);
    await user.click(screen.getByRole("button", { name: "Archive assessment" }));

    const dialog = await screen.findByRole("dialog", { name: "Archive this assessment?" });
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Candidates can no longer start it.",
    );
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  });

  it("keeps Tab focus inside the dialog", async () => {
    const user = userEvent.setup();
    render(<ArchiveDialog />);
    await user.click(screen.getByRole("button", { name: "Archive assessment" }));
    const dialog = await screen.findByRole("dialog");

    for (let step = 0; step < 6; step += 1) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("closes on Escape and returns focus to the button that opened it", async () => {
    const user = userEvent.setup();
    render(<ArchiveDialog />);
    const trigger = screen.getByRole("button", { name: "Archive assessment" });
    await user.click(trigger);
    await screen.findByRole("dialog");

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(trigger);
  });

  it("closes from its labelled close button", async () => {
    const user = userEvent.setup();
    render(<ArchiveDialog />);
    await user.click(screen.getByRole("button", { name: "Archive assessment" }));
    await user.click(await screen.findByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
