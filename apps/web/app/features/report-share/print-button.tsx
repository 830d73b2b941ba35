// "Print / save as PDF": the browser's own print dialog, which also saves as PDF. The page's
// @media print rules (styles/app.css) leave out navigation and controls.
import { Button } from "@interviewlm/ui";

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      Print / save as PDF
    </Button>
  );
}
