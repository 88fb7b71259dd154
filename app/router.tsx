import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/AppLayout.tsx";
import { RequireSession } from "./components/RequireSession.tsx";
import { AcceptInvitationPage } from "./routes/AcceptInvitationPage.tsx";
import { ApiTokensPage } from "./routes/ApiTokensPage.tsx";
import { HomeRedirect } from "./routes/HomeRedirect.tsx";
import { JiraSettingsPage } from "./routes/JiraSettingsPage.tsx";
import { JiraSyncLogPage } from "./routes/JiraSyncLogPage.tsx";
import { LoginPage } from "./routes/LoginPage.tsx";
import { ForgotPasswordPage, ResetPasswordPage } from "./routes/PasswordResetPages.tsx";
import { MembersPage } from "./routes/MembersPage.tsx";
import { NewWorkspacePage } from "./routes/NewWorkspacePage.tsx";
import { PlanningPage } from "./routes/PlanningPage.tsx";
import { NotFoundPage } from "./routes/NotFoundPage.tsx";
import { SignupPage } from "./routes/SignupPage.tsx";
import { UseCaseBoardPage } from "./routes/UseCaseBoardPage.tsx";
import { UseCaseDetailPage } from "./routes/UseCaseDetailPage.tsx";
import { UseCaseEditPage } from "./routes/UseCaseEditPage.tsx";
import { UseCaseListPage } from "./routes/UseCaseListPage.tsx";
import { UseCaseNewPage } from "./routes/UseCaseNewPage.tsx";
import { VerifyEmailPage } from "./routes/VerifyEmailPage.tsx";
import { WorkspaceSettingsPage } from "./routes/WorkspaceSettingsPage.tsx";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password/:token", element: <ResetPasswordPage /> },
  { path: "/verify-email/:token", element: <VerifyEmailPage /> },
  { path: "/signup", element: <SignupPage /> },
  { path: "/invite/:token", element: <AcceptInvitationPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { path: "/", element: <HomeRedirect /> },
      { path: "/workspaces/new", element: <NewWorkspacePage /> },
      { path: "/account/tokens", element: <ApiTokensPage /> },
      { path: "/w/:workspaceId", element: <HomeRedirect /> },
      { path: "/w/:workspaceId/use-cases", element: <UseCaseListPage /> },
      { path: "/w/:workspaceId/use-cases/board", element: <UseCaseBoardPage /> },
      { path: "/w/:workspaceId/use-cases/new", element: <UseCaseNewPage /> },
      { path: "/w/:workspaceId/use-cases/:useCaseId", element: <UseCaseDetailPage /> },
      { path: "/w/:workspaceId/use-cases/:useCaseId/edit", element: <UseCaseEditPage /> },
      { path: "/w/:workspaceId/members", element: <MembersPage /> },
      { path: "/w/:workspaceId/planning", element: <PlanningPage /> },
      { path: "/w/:workspaceId/settings", element: <WorkspaceSettingsPage /> },
      { path: "/w/:workspaceId/settings/jira", element: <JiraSettingsPage /> },
      { path: "/w/:workspaceId/settings/jira/sync-log", element: <JiraSyncLogPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
