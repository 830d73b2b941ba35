import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Checkbox } from "./checkbox.tsx";
import { RadioGroup } from "./radio-group.tsx";
import { Select } from "./select.tsx";
import { PasswordField, Textarea, TextField } from "./text-field.tsx";

function describedByTexts(element: HTMLElement): string[] {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`);
}

describe("field error wiring", () => {
  it("a valid text field is labelled, described by its help text and not marked invalid", () => {
    render(<TextField label="Work email" name="email" description="We send the verification link here." />);
    const input = screen.getByLabelText("Work email");
    expect(input).toHaveProperty("name", "email");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(describedByTexts(input)).toEqual(["We send the verification link here."]);
  });

  it("a text field with an error is aria-invalid and described by the help text and the error", () => {
    render(<TextField label="Work email" description="Help text" error="Enter a valid email address" />);
    const input = screen.getByLabelText("Work email");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(describedByTexts(input)).toEqual(["Help text", "Enter a valid email address"]);
  });

  it("several messages for one field (as zod returns them) are all referenced", () => {
    render(<TextField label="Title" error={["Too short", "Must not be blank"]} />);
    const input = screen.getByLabelText("Title");
    expect(describedByTexts(input)).toEqual(["Too shortMust not be blank"]);
    expect(screen.getByText("Too short")).toBeTruthy();
  });

  it("an empty error list counts as no error", () => {
    render(<TextField label="Title" error={[]} />);
    expect(screen.getByLabelText("Title").hasAttribute("aria-invalid")).toBe(false);
  });

  it("a caller-supplied id is kept so external labels and links can target it", () => {
    render(<TextField id="email" label="Email" error="Required" />);
    const input = screen.getByLabelText("Email");
    expect(input.id).toBe("email");
    expect(input.getAttribute("aria-describedby")).toBe("email-error");
  });

  it.each([
    ["textarea", () => <Textarea label="Notes" error="Too long" />, "Notes"],
    ["select", () => <Select label="Role" options={[{ value: "admin", label: "Admin" }]} error="Pick a role" />, "Role"],
    ["checkbox", () => <Checkbox label="I agree" error="You must agree" />, "I agree"],
    ["password", () => <PasswordField label="Password" error="At least 12 characters" />, "Password"],
  ])("the %s control carries aria-invalid and points at its error", (_kind, renderField, label) => {
    render(renderField());
    const control = screen.getByLabelText(label, { selector: "input, select, textarea" });
    expect(control.getAttribute("aria-invalid")).toBe("true");
    expect(describedByTexts(control).at(-1)).toMatch(/Too long|Pick a role|You must agree|At least 12 characters/);
  });

  it("a radio group is a named group described by its error, and each radio is labelled", () => {
    render(
      <RadioGroup
        name="assistance"
        label="AI assistance"
        error="Choose a level"
        options={[
          { value: "off", label: "Off" },
          { value: "chat", label: "Chat only" },
        ]}
      />,
    );
    const group = screen.getByRole("radiogroup", { name: "AI assistance" });
    expect(group.getAttribute("aria-invalid")).toBe("true");
    expect(describedByTexts(group)).toEqual(["Choose a level"]);
    expect(screen.getByLabelText("Chat only")).toHaveProperty("name", "assistance");
  });
});

describe("PasswordField", () => {
  it("reveals and hides the password with a toggle that reports its pressed state", async () => {
    const user = userEvent.setup();
    render(<PasswordField label="Password" name="password" />);
    const input = screen.getByLabelText("Password", { selector: "input" });
    const toggle = screen.getByRole("button", { name: "Show password" });
    expect(input.getAttribute("type")).toBe("password");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");

    await user.click(toggle);
    expect(input.getAttribute("type")).toBe("text");
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
  });
});
