import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart.tsx";

describe("BarChart", () => {
  it("is a named figure whose numbers are readable as a table", () => {
    render(<BarChart title="Invitations per day" data={[{ label: "Mon", value: 3 }, { label: "Tue", value: 0 }]} />);
    const figure = screen.getByRole("figure", { name: "Invitations per day" });
    const table = within(figure).getByRole("table", { name: "Invitations per day" });
    expect(within(table).getByRole("rowheader", { name: "Mon" }).nextElementSibling?.textContent).toBe("3");
    expect(within(table).getAllByRole("row")).toHaveLength(2);
  });
});
