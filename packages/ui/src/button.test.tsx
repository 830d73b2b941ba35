import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Button, IconButton } from "./button.tsx";
import { FormError } from "./form-error.tsx";

describe("Button", () => {
  it("does not submit a surrounding form unless type=submit is asked for", () => {
    render(<Button>Cancel</Button>);
    expect(screen.getByRole("button", { name: "Cancel" }).getAttribute("type")).toBe("button");
  });

  it("while pending it is disabled, aria-busy and shows a spinner, and ignores clicks", async () => {
    const onClick = vi.fn();
    const user = userEvent.setup();
    render(
      <Button type="submit" pending onClick={onClick}>
        Create assessment
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Create assessment" });
    expect(button).toHaveProperty("disabled", true);
    expect(button.getAttribute("aria-busy")).toBe("true");
    expect(button.querySelector("svg.animate-spin")).not.toBeNull();

    await user.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it("can say what it is doing while pending", () => {
    render(
      <Button pending pendingLabel="Saving…">
        Save
      </Button>,
    );
    expect(screen.getByRole("button", { name: "Saving…" })).toBeTruthy();
  });

  it("is enabled and not busy once the submission settles", () => {
    const { rerender } = render(<Button pending>Save</Button>);
    rerender(<Button pending={false}>Save</Button>);
    const button = screen.getByRole("button", { name: "Save" });
    expect(button).toHaveProperty("disabled", false);
    expect(button.hasAttribute("aria-busy")).toBe(false);
  });
});

describe("IconButton", () => {
  it("is named by its aria-label and hides its icon", () => {
    render(<IconButton aria-label="Open navigation" icon={<svg aria-hidden="true" />} />);
    const button = screen.getByRole("button", { name: "Open navigation" });
    expect(button.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
  });
});

describe("FormError", () => {
  it("announces form-level errors as an alert", () => {
    render(<FormError error="Invalid email or password" />);
    expect(screen.getByRole("alert").textContent).toContain("Invalid email or password");
  });

  it("accepts the message as children, as route modules write it", () => {
    render(<FormError>This invitation has expired.</FormError>);
    expect(screen.getByRole("alert").textContent).toContain("This invitation has expired.");
  });

  it("renders nothing without an error", () => {
    const { container } = render(
      <>
        <FormError error={undefined} />
        <FormError>{null}</FormError>
        <FormError>{""}</FormError>
      </>,
    );
    expect(container.innerHTML).toBe("");
  });
});
