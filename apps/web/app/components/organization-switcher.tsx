import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  VisuallyHidden,
} from "@interviewlm/ui";
import { ChevronsUpDown, Plus } from "@interviewlm/ui/icons";
import { Form, Link } from "@remix-run/react";
import { useRef } from "react";

export interface OrganizationOption {
  id: string;
  name: string;
  role: string;
}

export interface OrganizationSwitcherProps {
  organizations: readonly OrganizationOption[];
  activeOrganizationId: string | null;
}

export const SWITCH_ORGANIZATION_ACTION = "/app/switch-organization";

/**
 * Shows the active organisation and switches to another one by POSTing
 * `organizationId` to /app/switch-organization. The forms sit outside the menu because
 * the menu unmounts as soon as an item is chosen, which would cancel a submit from inside it.
 */
export function OrganizationSwitcher({ organizations, activeOrganizationId }: OrganizationSwitcherProps) {
  const forms = useRef(new Map<string, HTMLFormElement>());
  const active = organizations.find((organization) => organization.id === activeOrganizationId);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className="flex h-8 max-w-[16rem] items-center gap-2 rounded-md px-2 text-sm font-medium text-fg hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-focus">
          <span
            aria-hidden="true"
            className="flex size-5 shrink-0 items-center justify-center rounded bg-accent-soft text-[11px] font-semibold text-accent-fg"
          >
            {(active?.name ?? "?").slice(0, 1).toUpperCase()}
          </span>
          <VisuallyHidden>Organization: </VisuallyHidden>
          <span className="truncate">{active?.name ?? "No organization"}</span>
          <ChevronsUpDown aria-hidden="true" className="size-3.5 shrink-0 text-fg-muted" />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel>Switch organization</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={activeOrganizationId ?? ""}
            onValueChange={(organizationId) => {
              if (organizationId !== activeOrganizationId) forms.current.get(organizationId)?.requestSubmit();
            }}
          >
            {organizations.map((organization) => (
              <DropdownMenuRadioItem key={organization.id} value={organization.id}>
                <span className="min-w-0 flex-1 truncate">{organization.name}</span>
                <VisuallyHidden>, </VisuallyHidden>
                <span className="text-xs text-fg-muted capitalize">{organization.role.toLowerCase()}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link to="/app/organizations/new">
              <Plus aria-hidden="true" />
              Create organization
            </Link>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <div hidden>
        {organizations.map((organization) => (
          <Form
            key={organization.id}
            method="post"
            action={SWITCH_ORGANIZATION_ACTION}
            ref={(form) => {
              if (form) forms.current.set(organization.id, form);
              else forms.current.delete(organization.id);
            }}
          >
            <input type="hidden" name="organizationId" value={organization.id} />
          </Form>
        ))}
      </div>
    </>
  );
}
