export * from "./schemas.ts";
export {
  createOrganization,
  createOrganizationWithOwner,
  listUserOrganizations,
  findMembershipRole,
  requireMembership,
  getOrganization,
  updateOrganization,
  resolveActiveOrganization,
  switchOrganization,
} from "./organizations.ts";
export type { OrganizationSummary, OrganizationDetails } from "./organizations.ts";
export { listMembers, changeMemberRole, removeMember, leaveOrganization } from "./members.ts";
export type { MemberSummary } from "./members.ts";
export {
  inviteTeammate,
  listInvitations,
  revokeInvitation,
  previewInvitation,
  acceptInvitation,
  invitationUrl,
  TEAM_INVITATION_TTL_MS,
} from "./invitations.ts";
export type { InvitationSummary, InvitationPreview, InvitationState } from "./invitations.ts";
