import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { CardHeader } from "./card.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Select } from "./select.tsx";
import { Spinner } from "./spinner.tsx";
import { Stat, StatGroup } from "./stat.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "./table.tsx";
import { Tooltip } from "./tooltip.tsx";

describe("Table", () => {
  it("is named by its caption, with column headers scoped to their columns", () => {
    render(
      <Table caption="Candidates" hideCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">Ada Lovelace</TableHeaderCell>
            <TableCell>Completed</TableCell>
          </TableRow>
        </TableBody>
      </Table>,
    );
    const table = screen.getByRole("table", { name: "Candidates" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.getAttribute("scope"))).toEqual(["col", "col"]);
    expect(within(table).getByRole("rowheader", { name: "Ada Lovelace" })).toBeTruthy();
    // The scroll container is a focusable region so a wide table can be scrolled by keyboard.
    expect(screen.getByRole("region", { name: "Candidates" }).tabIndex).toBe(0);
  });
});

describe("EmptyState and CardHeader", () => {
  it("render their title at the requested heading level with the action", () => {
    render(
      <>
        <CardHeader title="Members" headingLevel={2} />
        <EmptyState
          headingLevel={3}
          title="No candidates yet"
          description="Invite someone to start."
          action={<Button>Invite candidate</Button>}
        />
      </>,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Members" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "No candidates yet" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Invite candidate" })).toBeTruthy();
  });
});

describe("Stat", () => {
  it("pairs label and value as a description list and spells out the delta direction", () => {
    render(
      <StatGroup>
        <Stat label="Completion rate" value="82%" delta={{ value: "+4%", direction: "up", sentiment: "positive" }} />
      </StatGroup>,
    );
    expect(screen.getByRole("term").textContent).toBe("Completion rate");
    const [value, delta] = screen.getAllByRole("definition");
    expect(value?.textContent).toBe("82%");
    expect(delta?.textContent).toContain("up +4%");
  });
});

describe("Badge and Spinner", () => {
  it("a badge keeps its meaning in text, and a labelled spinner is a status", () => {
    render(
      <>
        <Badge tone="success" dot>
          Completed
        </Badge>
        <Spinner label="Loading candidates" />
      </>,
    );
    expect(screen.getByText("Completed")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Loading candidates");
  });
});

describe("Select", () => {
  it("renders a native select with an empty placeholder option first", () => {
    render(
      <Select
        label="Role"
        name="role"
        placeholder="Choose a role…"
        options={[
          { value: "ADMIN", label: "Admin" },
          { value: "VIEWER", label: "Viewer" },
        ]}
      />,
    );
    const select = screen.getByLabelText("Role") as HTMLSelectElement;
    expect([...select.options].map((option) => [option.value, option.text])).toEqual([
      ["", "Choose a role…"],
      ["ADMIN", "Admin"],
      ["VIEWER", "Viewer"],
    ]);
  });
});

describe("Tooltip", () => {
  it("opens on keyboard focus and describes its trigger", async () => {
    const user = userEvent.setup();
    render(
      <Tooltip content="Copies the invite link" delayDuration={0}>
        <Button>Copy link</Button>
      </Tooltip>,
    );
    await user.tab();
    const trigger = screen.getByRole("button", { name: "Copy link" });
    expect(document.activeElement).toBe(trigger);
    await waitFor(() => expect(screen.getByRole("tooltip").textContent).toContain("Copies the invite link"));
    expect(trigger.getAttribute("aria-describedby")).toBe(screen.getByRole("tooltip").id);
  });
});
