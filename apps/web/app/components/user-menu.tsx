import {
  Avatar,
  initialsOf,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@interviewlm/ui";
import { LogOut, UserRound } from "@interviewlm/ui/icons";
import { Form, Link } from "@remix-run/react";
import { useRef } from "react";

export interface UserMenuProps {
  user: { name: string | null; email: string };
}

/** Account menu: who is signed in, a link to the profile, and Log out (a POST to /logout). */
export function UserMenu({ user }: UserMenuProps) {
  const logoutForm = useRef<HTMLFormElement>(null);
  const displayName = user.name?.trim() || user.email;

  return (
    <>
      <DropdownMenu>
        {/* The name starts with the initials the button shows, so people who see them can say
            them to speech input (WCAG 2.5.3). Not in parentheses: those are not part of a name. */}
        <DropdownMenuTrigger
          aria-label={`${initialsOf(displayName)}, account menu for ${displayName}`}
          className="flex size-8 items-center justify-center rounded-full hover:ring-2 hover:ring-line-strong focus-visible:outline-2 focus-visible:outline-focus"
        >
          <Avatar name={displayName} size="sm" decorative />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel className="space-y-0.5">
            <span className="block truncate text-sm font-medium text-fg">{displayName}</span>
            {user.name ? <span className="block truncate">{user.email}</span> : null}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link to="/app/settings/profile">
              <UserRound aria-hidden="true" />
              Profile and settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => logoutForm.current?.requestSubmit()}>
            <LogOut aria-hidden="true" />
            Log out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {/* Outside the menu so the submit survives the menu closing; visible to no one. */}
      <Form ref={logoutForm} method="post" action="/logout" hidden>
        <button type="submit">Log out</button>
      </Form>
    </>
  );
}
