import { createBrowserRouter, type RouteObject } from "react-router";

/**
 * Every page is its own chunk, loaded when first visited: the sign-in page does not download the
 * board, the Jira settings or the editors. `lazy` returns the module's page as the route's Component.
 */
function page<Name extends string>(load: () => Promise<Record<Name, React.ComponentType>>, name: Name): Pick<RouteObject, "lazy"> {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

export const router = createBrowserRouter([
  {
    // Nothing while the first page's chunk loads: #root stays empty, so index.html's skeleton stays on screen.
    HydrateFallback: () => null,
    children: [
      { path: "/login", ...page(() => import("./routes/LoginPage.tsx"), "LoginPage") },
      { path: "/forgot-password", ...page(() => import("./routes/PasswordResetPages.tsx"), "ForgotPasswordPage") },
      { path: "/reset-password/:token", ...page(() => import("./routes/PasswordResetPages.tsx"), "ResetPasswordPage") },
      { path: "/verify-email/:token", ...page(() => import("./routes/VerifyEmailPage.tsx"), "VerifyEmailPage") },
      { path: "/signup", ...page(() => import("./routes/SignupPage.tsx"), "SignupPage") },
      { path: "/invite/:token", ...page(() => import("./routes/AcceptInvitationPage.tsx"), "AcceptInvitationPage") },
      {
        ...page(() => import("./components/SignedInLayout.tsx"), "SignedInLayout"),
        children: [
          { path: "/", ...page(() => import("./routes/HomeRedirect.tsx"), "HomeRedirect") },
          { path: "/workspaces/new", ...page(() => import("./routes/NewWorkspacePage.tsx"), "NewWorkspacePage") },
          { path: "/account/tokens", ...page(() => import("./routes/ApiTokensPage.tsx"), "ApiTokensPage") },
          { path: "/w/:workspaceId", ...page(() => import("./routes/HomeRedirect.tsx"), "HomeRedirect") },
          { path: "/w/:workspaceId/use-cases", ...page(() => import("./routes/UseCaseListPage.tsx"), "UseCaseListPage") },
          { path: "/w/:workspaceId/use-cases/board", ...page(() => import("./routes/UseCaseBoardPage.tsx"), "UseCaseBoardPage") },
          { path: "/w/:workspaceId/use-cases/new", ...page(() => import("./routes/UseCaseNewPage.tsx"), "UseCaseNewPage") },
          { path: "/w/:workspaceId/use-cases/:useCaseId", ...page(() => import("./routes/UseCaseDetailPage.tsx"), "UseCaseDetailPage") },
          { path: "/w/:workspaceId/use-cases/:useCaseId/edit", ...page(() => import("./routes/UseCaseEditPage.tsx"), "UseCaseEditPage") },
          { path: "/w/:workspaceId/members", ...page(() => import("./routes/MembersPage.tsx"), "MembersPage") },
          { path: "/w/:workspaceId/planning", ...page(() => import("./routes/PlanningPage.tsx"), "PlanningPage") },
          { path: "/w/:workspaceId/settings", ...page(() => import("./routes/WorkspaceSettingsPage.tsx"), "WorkspaceSettingsPage") },
          { path: "/w/:workspaceId/settings/jira", ...page(() => import("./routes/JiraSettingsPage.tsx"), "JiraSettingsPage") },
          { path: "/w/:workspaceId/settings/jira/sync-log", ...page(() => import("./routes/JiraSyncLogPage.tsx"), "JiraSyncLogPage") },
          { path: "*", ...page(() => import("./routes/NotFoundPage.tsx"), "NotFoundPage") },
        ],
      },
    ],
  },
]);
