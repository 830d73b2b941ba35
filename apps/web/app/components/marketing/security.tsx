import { Boxes, FileDown, FileClock, ScrollText, ShieldCheck, UserX, WifiOff, type LucideIcon } from "@interviewlm/ui/icons";
import { InDevelopment } from "./in-development";
import { Section } from "./section";

const ITEMS: ReadonlyArray<{ icon: LucideIcon; title: string; text: string; inDevelopment?: true }> = [
  {
    icon: Boxes,
    title: "Isolated sandboxes",
    text: "Every interview session runs in its own workspace with limits on time, memory, processes and output. Each session's files and processes are kept apart from every other session.",
  },
  {
    icon: WifiOff,
    title: "No network for candidate code",
    text: "Code, tests and shell commands in the sandbox run without network access, so nothing can be fetched in or sent out.",
  },
  {
    icon: FileClock,
    title: "Data retention controls",
    text: "Owners and admins set how many days candidate data is kept after evaluation (a year for new organisations). A background job then erases it, keeping only anonymous counts, so dashboard figures stay right; a dry run shows who would go (and can erase them at once), and every run is in the audit log. Candidates see the period before they consent.",
  },
  {
    icon: FileDown,
    title: "GDPR data export",
    text: "Owners and admins download everything held about a candidate as one archive: every record, the final files and the recording. Candidates ask for their own copy from the link in their emails, verified by email. Every export is in the audit log.",
  },
  {
    icon: UserX,
    title: "Candidate deletion",
    text: "Erase a candidate on request from their page — database rows, recording, sandbox workspace and snapshots, live room data and the emails sent to them — or delete the whole organisation. Candidates can ask for the same erasure themselves from the link in their emails, confirmed by email.",
  },
  {
    icon: ScrollText,
    title: "Audit log",
    text: "Sign-ins, role changes, invitations, assessment changes, hiring decisions, credit purchases, refunds and adjustments, replay probes, data exports, erasures and retention runs are written to an audit trail that owners and admins can filter and export as CSV.",
  },
  {
    icon: ShieldCheck,
    title: "Least privilege by design",
    text: "Every read and write is scoped to your organisation, with owner, admin, member and viewer roles, revocable sessions and rate limits on sign-in, invitations and AI use.",
  },
];

export function Security() {
  return (
    <Section
      id="security"
      eyebrow="Security & privacy"
      title="Built to run untrusted code and hold candidate data responsibly"
    >
      <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
        {ITEMS.map(({ icon: Icon, title, text, inDevelopment }) => (
          <li key={title}>
            <div className="flex size-9 items-center justify-center rounded-lg border border-line bg-surface">
              <Icon aria-hidden="true" className="size-4 text-accent-fg" />
            </div>
            <h3 className="mt-4 text-sm font-semibold text-fg">
              {title}
              {inDevelopment ? <InDevelopment /> : null}
            </h3>
            <p className="mt-2 text-sm leading-6 text-fg-muted">{text}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
